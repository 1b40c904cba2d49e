package org.planledger.infra;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.DraftPlan;
import org.planledger.events.Cadence;
import org.planledger.events.PlanDrafted;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.mongo.EmbeddedMongoWireServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded profile, started with nothing but a data directory: what each store really is. */
class EmbeddedRuntimeTest {

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() {
        application = EmbeddedApplication.start(dataDir.resolve("fresh/never-created"));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void runsOnTheEmbeddedProfileWhenNothingIsConfigured() {
        assertThat(application.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(application.getEnvironment().acceptsProfiles(org.springframework.core.env.Profiles.of("embedded"))).isTrue();
    }

    @Test
    void createsTheDataDirectoryWithBothStoresInIt() {
        Path created = dataDir.resolve("fresh/never-created");
        assertThat(created.resolve("event-store.mv.db")).exists();
        assertThat(created.resolve("read-models.mv.db")).exists();
    }

    @Test
    void servesMongoDbFromAnInProcessWireServerOnLoopbackReachedByTheOfficialDriver() {
        EmbeddedMongoWireServer server = application.getBean(EmbeddedMongoWireServer.class);
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.address().getPort()).isPositive();

        MongoClient client = application.getBean(MongoClient.class);
        List<ServerAddress> dialled = client.getClusterDescription().getClusterSettings().getHosts();
        assertThat(dialled).containsExactly(new ServerAddress("127.0.0.1", server.address().getPort()));

        MongoDatabase database = application.getBean(MongoDatabase.class);
        assertThat(database.getName()).isEqualTo("planledger");
        assertThat(database.runCommand(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
    }

    @Test
    void keepsTrackingTokensInMongoDb() {
        TokenStore tokenStore = application.getBean(TokenStore.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);

        tokenStore.initializeTokenSegments("probe-processor", 1);

        assertThat(tokenStore.fetchSegments("probe-processor")).containsExactly(0);
        MongoDatabase database = application.getBean(MongoDatabase.class);
        assertThat(database.getCollection("trackingtokens").countDocuments(new Document("processorName", "probe-processor")))
                .isEqualTo(1);
    }

    @Test
    void storesEventsThroughAxonsJdbcEngineInTablesFlywayCreated() {
        assertThat(application.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
                String.class);
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "flyway_schema_history");
    }

    @Test
    void serialisesWithJacksonAndWritesDatesAsIsoStrings() {
        Serializer serializer = application.getBean(Serializer.class);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);

        PlanDrafted drafted = new PlanDrafted("kettering-2013", "Kettering CSP", "Community Safety Plan",
                LocalDate.of(2013, 4, 1), LocalDate.of(2016, 3, 31), Cadence.BI_MONTHLY, LocalDate.of(2013, 3, 20));
        SerializedObject<String> json = serializer.serialize(drafted, String.class);

        assertThat(json.getData()).contains("\"periodStart\":\"2013-04-01\"");
        // revision 2 since plans belong to a partnership by id (PlanDraftedUpcaster reads revision 1)
        assertThat(json.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(json)).isEqualTo(drafted);
    }

    @Test
    void refusesACommandThatBreaksItsBeanValidationBeforeAnyHandlerRuns() {
        CommandSender sender = application.getBean(CommandSender.class);
        DraftPlan blankTitle = new DraftPlan("plan-invalid", "Kettering CSP", " ",
                LocalDate.of(2013, 4, 1), LocalDate.of(2016, 3, 31), Cadence.QUARTERLY, null);

        assertThatThrownBy(() -> sender.sendAndWait(blankTitle, CommandOrigin.of("manager-1", Set.of("PLAN_MANAGER"), "api")))
                .isInstanceOf(JSR303ViolationException.class)
                .hasMessageContaining("title");
        assertThat(application.getBean(EventStore.class).readEvents("plan-invalid").asStream()).isEmpty();
    }

    @Test
    void answersHealthUpToAnyoneAndItsDetailsOnlyToSignedInUsers() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).startsWith("{\"status\":\"UP\"").doesNotContain("\"mongo\"", "\"db\"");

        HttpResponse<String> signedIn = get("/actuator/health", "board:demo");
        assertThat(signedIn.body()).startsWith("{\"status\":\"UP\"").contains("\"mongo\"", "\"db\"");
    }

    @Test
    void exposesPrometheusMetricsToSignedInUsersOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);

        HttpResponse<String> response = get("/actuator/prometheus", "auditor:demo");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> get(String path, String basicCredentials) throws Exception {
        String port = application.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (basicCredentials != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(basicCredentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
