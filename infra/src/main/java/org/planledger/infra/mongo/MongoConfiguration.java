package org.planledger.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.config.PlanLedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * MongoDB for read models and tracking tokens. With {@code planledger.mongo.uri} blank, an
 * in-process wire server is started under the data directory; otherwise the URI is used as is.
 * Either way the application holds one official-driver {@link MongoClient}; defining it here also
 * makes Spring Boot's own Mongo auto-configuration (which would dial localhost:27017) back off.
 * <p>
 * Only the query side reads and writes MongoDB, so a command-only process never connects to it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnQuerySide
public class MongoConfiguration {

    static final String READ_MODEL_STORE_FILE = "read-models.mv.db";

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMongoCondition.class)
    public EmbeddedMongoWireServer embeddedMongoWireServer(PlanLedgerProperties properties,
                                                           @Value("${planledger.read-models.rebuild:false}") boolean rebuild) {
        Path storeFile = properties.dataDir().resolve(READ_MODEL_STORE_FILE);
        return EmbeddedMongoWireServer.start(storeFile, rebuild);
    }

    /** Closed before the embedded server, because Spring destroys dependants first. */
    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(PlanLedgerProperties properties,
                                   ObjectProvider<EmbeddedMongoWireServer> embeddedServer) {
        String uri = properties.mongo().useEmbeddedServer()
                ? embeddedServer.getObject().connectionString()
                : properties.mongo().uri();
        return MongoClients.create(MongoClientSettings.builder()
                .applicationName("plan-ledger")
                .applyConnectionString(new ConnectionString(uri))
                .build());
    }

    /** The read-model database, for the query side's projections and queries. */
    @Bean
    public MongoDatabase planLedgerMongoDatabase(MongoClient mongoClient, PlanLedgerProperties properties) {
        return mongoClient.getDatabase(properties.mongo().database());
    }

    /**
     * Tracking tokens next to the read models they describe. axon-mongo's Spring Boot starter is
     * not available here, so the store is wired by hand; defining a TokenStore bean makes Axon's
     * JDBC auto-configuration skip its own JdbcTokenStore.
     */
    @Bean
    public TokenStore tokenStore(MongoDatabase planLedgerMongoDatabase, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(planLedgerMongoDatabase).build())
                .serializer(serializer)
                .build();
    }

    @Bean
    public MongoHealthIndicator mongoHealthIndicator(MongoDatabase planLedgerMongoDatabase) {
        return new MongoHealthIndicator(planLedgerMongoDatabase);
    }
}
