package org.planledger.infra.postgres;

import org.planledger.infra.SlowLane;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.DraftPlan;
import org.planledger.events.Cadence;
import org.planledger.infra.ReadModels;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.mongo.EmbeddedMongoWireServer;
import org.planledger.query.QuerySideModel;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postgres profile on the local PostgreSQL server, with read models and tokens in a MongoDB
 * given by URI (planledger.mongo.uri; here a wire server started by the test stands in for the
 * external MongoDB): what each store really holds.
 */
@SlowLane
class PostgresRuntimeTest {

    private static final String PLAN = "pg-plan";
    private static final String READ_MODEL_DATABASE = "ledger_pg";
    private static final CommandOrigin MANAGER = CommandOrigin.of("manager-1", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API);

    @TempDir
    static Path dataDir;

    static ScratchDatabase database;
    static MongoServer externalMongo;
    static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() throws Exception {
        database = ScratchDatabase.create();
        externalMongo = new MongoServer(new MemoryBackend());
        externalMongo.bind("127.0.0.1", 0);
        application = PostgresApplication.start(database, dataDir,
                "--planledger.mongo.uri=" + mongoUri(), "--planledger.mongo.database=" + READ_MODEL_DATABASE);

        CommandSender sender = application.getBean(CommandSender.class);
        sender.sendAndWait(new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership", "Community Safety Plan",
                LocalDate.of(2013, 4, 1), LocalDate.of(2016, 3, 31), Cadence.QUARTERLY, null), MANAGER);
        sender.sendAndWait(new AddPriority(PLAN, "asb", "Anti-social behaviour", List.of("Police"), null, null), MANAGER);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (application != null) {
            application.close();
        }
        if (externalMongo != null) {
            externalMongo.shutdown();
        }
        if (database != null) {
            database.close();
        }
    }

    private static String mongoUri() {
        return "mongodb://127.0.0.1:" + externalMongo.getLocalAddress().getPort();
    }

    @Test
    void flywayCreatesTheEventTablesWithByteaPayloadsOnPostgres() throws Exception {
        Map<String, String> columnTypes = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ResultSet columns = statement.executeQuery("SELECT table_name || '.' || column_name, data_type "
                    + "FROM information_schema.columns WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry')");
            while (columns.next()) {
                columnTypes.put(columns.getString(1), columns.getString(2));
            }
            ResultSet migration = statement.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version = '1'");
            assertThat(migration.next()).isTrue();
            assertThat(migration.getBoolean("success")).isTrue();
        }
        assertThat(columnTypes).containsEntry("domain_event_entry.payload", "bytea")
                .containsEntry("domain_event_entry.metadata", "bytea")
                .containsEntry("domain_event_entry.globalindex", "bigint")
                .containsEntry("snapshot_event_entry.payload", "bytea");
        assertThat(application.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void storesEventsAsJsonBytesInTheRowNeverAsLargeObjects() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT payloadType, payload, metaData FROM domain_event_entry "
                    + "WHERE aggregateIdentifier = '" + PLAN + "' ORDER BY sequenceNumber");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("payloadType")).isEqualTo("org.planledger.events.PlanDrafted");
            assertThat(new String(rows.getBytes("payload"), StandardCharsets.UTF_8)).contains("\"periodStart\":\"2013-04-01\"");
            assertThat(new String(rows.getBytes("metaData"), StandardCharsets.UTF_8)).contains("\"actor\":\"manager-1\"");
            ResultSet largeObjects = statement.executeQuery("SELECT count(*) FROM pg_largeobject_metadata");
            largeObjects.next();
            assertThat(largeObjects.getLong(1)).isZero();
        }
    }

    @Test
    void keepsReadModelsAndTokensInTheMongoDbGivenByUri() {
        assertThat(application.getBeanProvider(EmbeddedMongoWireServer.class).getIfAvailable()).isNull();
        try (MongoClient client = MongoClients.create(mongoUri())) {
            MongoDatabase readModels = client.getDatabase(READ_MODEL_DATABASE);
            for (String group : QuerySideModel.processingGroups()) {
                assertThat(readModels.getCollection("trackingtokens").countDocuments(new Document("processorName", group)))
                        .as(group).isEqualTo(1);
            }
            assertThat(readModels.getCollection("board").countDocuments(new Document("_id", PLAN))).isEqualTo(1);
        }
        assertThat(dataDir.resolve("read-models.mv.db")).doesNotExist();
    }

    @Test
    void healthCoversTheEventStoreMongoDbAndEveryProcessor() {
        CompositeHealth health = (CompositeHealth) application.getBean(HealthEndpoint.class).health();
        Map<String, HealthComponent> components = health.getComponents();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(components).containsKeys("db", "eventStore", "mongo", "eventProcessors");
        assertThat(components.values()).allSatisfy(component -> assertThat(component.getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void healthIsPublicWithoutDetailsAndMetricsNeedCredentialsByDefault() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        String port = application.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
