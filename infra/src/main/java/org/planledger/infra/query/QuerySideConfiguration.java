package org.planledger.infra.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.query.QuerySideModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Puts the query side into Axon's configuration: its projections join the processing groups named
 * on them (settings in application.yml, tokens in MongoDB) and its query handlers join the query
 * bus. The query side has no Spring annotations; {@link QuerySideModel} lists its components.
 * A command-only process ({@code planledger.query-side.enabled=false}) has none of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnQuerySide
public class QuerySideConfiguration {

    /** "Today" for the board's overdue and stale flags is the partnership's day, as on the command side. */
    static final ZoneId PARTNERSHIP_ZONE = ZoneId.of("Europe/London");

    @Bean
    public QuerySideModel querySideModel(MongoDatabase planLedgerMongoDatabase) {
        QuerySideModel.createIndexes(planLedgerMongoDatabase);
        return QuerySideModel.create(planLedgerMongoDatabase, Clock.system(PARTNERSHIP_ZONE));
    }

    /**
     * Registered through the Configurer rather than as Spring beans so the projections stay plain
     * objects; registerMessageHandler subscribes whatever event and query handlers each one has.
     */
    @Bean
    public ConfigurerModule querySideHandlers(QuerySideModel querySideModel) {
        return configurer -> querySideModel.components()
                .forEach(component -> configurer.registerMessageHandler(configuration -> component));
    }

    /**
     * A projection that fails on an event must stop and retry that batch, not log and move on:
     * Axon's default for event handlers (LoggingErrorHandler) would store the token past the event
     * and the read model would silently never contain it. With the error propagated the unit of
     * work rolls back, the pooled processor releases the segment and claims it again after a
     * back-off, and the batch is redelivered (handlers skip what a document already absorbed).
     */
    @Bean
    public ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
