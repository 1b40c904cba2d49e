package org.planledger.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.web.ApiClient.Call;
import org.planledger.infra.web.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.planledger.infra.web.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan file the code was never written against (test resources, fenmoor-2015-2018.json: an invented
 * partnership) imported over HTTP as a user would: a theme with no objectives holding its own measure and
 * actions, focus strands, undated notes, a money-valued measure, relative targets (change from a named period,
 * better than the previous reading, better than a peer group), and a 2016 refresh that retires an objective and
 * an indicator. Then re-imported with a revised figure, which is corrected, and again, which changes nothing.
 * Also the three new endpoints' refusals: problem+json naming the field, nothing stored.
 */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnseenPlanImportTest {

    private static final String PLAN = "fenmoor-csp-2015-2018";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anUnseenPlanImportsWholeAndARevisedFigureIsCorrectedOnReImport() throws IOException {
        String file = resource("/plans/fenmoor-2015-2018.json");

        Response imported = ok(api.post("/api/imports?filename=fenmoor.json").as("manager").json(file), 201);
        assertThat(imported.json().path("notYetImported").size()).as(imported.text()).isZero();
        assertThat(imported.json().path("notApplied").size()).isZero();
        long afterImport = storedEvents();

        // the plan ended in 2018, so the live board is judged on its last day, after the 2016 refresh
        // the retirements are the import's last commands: once the board has them, it has everything
        JsonNode board = eventually(() -> api.get("/api/plans/" + PLAN + "/board").as("board"),
                r -> r.status() == 200 && hasObjective(r.json(), "fen-vulnerable-da")
                        && !hasObjective(r.json(), "fen-vulnerable-elders")).json();
        JsonNode streets = priority(board, "fen-streets");
        assertThat(texts(streets.path("focus"))).containsExactly("Night-time economy", "Street drinking");
        assertThat(streets.path("indicators").get(0).path("indicatorId").asText()).isEqualTo("fen-streets-asb");
        assertThat(streets.path("indicators").get(0).path("target").path("kind").asText()).isEqualTo("IMPROVE_ON_PREVIOUS");
        assertThat(objectiveIds(streets)).as("a theme without objectives holds its actions under its own")
                .containsExactly("fen-streets.own");
        JsonNode vulnerable = priority(board, "fen-vulnerable");
        assertThat(texts(vulnerable.path("focus"))).containsExactly("Domestic abuse");
        assertThat(objectiveIds(vulnerable)).as("the objective retired at the refresh has left the board")
                .containsExactly("fen-vulnerable-da");
        assertThat(indicatorIds(vulnerable.path("objectives").get(0))).containsExactly("fen-vulnerable-marac");
        JsonNode cost = measure(board, "fenmoor-cost-of-crime");
        assertThat(cost.path("unit").asText()).isEqualTo("MONEY");
        assertThat(cost.path("target").path("baselinePeriod").asText()).isEqualTo("2014/15");
        assertThat(cost.path("latestReading").path("value").decimalValue()).isEqualByComparingTo("1210000000");
        JsonNode crime = measure(board, "fenmoor-recorded-crime");
        assertThat(crime.path("latestReading").path("costPence").asLong()).isEqualTo(980_000_000L);
        assertThat(crime.path("onTrack").asBoolean()).as(crime.toString()).isTrue();

        // replays read the journal, a processing group of its own: wait until it has the retirement too
        JsonNode onRefresh = eventually(() -> api.get("/api/plans/" + PLAN + "/board?asAt=2016-04-01").as("board"),
                r -> r.status() == 200 && hasObjective(r.json(), "fen-vulnerable-da")
                        && !hasObjective(r.json(), "fen-vulnerable-elders")).json();
        assertThat(objectiveIds(priority(onRefresh, "fen-vulnerable"))).containsExactly("fen-vulnerable-da");
        assertThat(indicatorIds(priority(onRefresh, "fen-vulnerable").path("objectives").get(0)))
                .containsExactly("fen-vulnerable-marac");
        // as at the day before the refresh the board still holds the retired objective and indicator
        JsonNode beforeRefresh = ok(api.get("/api/plans/" + PLAN + "/board?asAt=2016-03-31").as("board"), 200).json();
        JsonNode vulnerableThen = priority(beforeRefresh, "fen-vulnerable");
        assertThat(objectiveIds(vulnerableThen)).containsExactly("fen-vulnerable-da", "fen-vulnerable-elders");
        assertThat(indicatorIds(vulnerableThen.path("objectives").get(0)))
                .containsExactly("fen-vulnerable-marac", "fen-vulnerable-helpline");

        // undated notes say so in the action's history
        JsonNode history = eventually(() -> api.get("/api/actions/fen-streets-pubwatch").as("board"),
                r -> r.status() == 200 && r.json().path("notes").size() == 2).json();
        assertThat(history.path("notes").get(0).path("undated").asBoolean()).isTrue();
        assertThat(history.path("notes").get(0).path("period").asText()).isEqualTo("2015-04");
        assertThat(history.path("notes").get(1).path("undated").asBoolean()).isFalse();

        // and the pages say so, as they show the board's focus strands
        assertThat(ok(api.get("/actions/fen-streets-pubwatch").as("board"), 200).text())
                .contains("undated (filed under April 2015)").contains("September 2015");
        assertThat(ok(api.get("/plans/" + PLAN).as("board"), 200).text())
                .contains("With a focus on: Night-time economy; Street drinking");

        // the audit trail names both retirements
        JsonNode retirements = ok(api.get("/api/audit?planId=" + PLAN + "&type=ObjectiveRetired").as("auditor"), 200).json();
        assertThat(retirements.path("entries").get(0).path("subjectId").asText()).isEqualTo("fen-vulnerable-elders");
        assertThat(retirements.path("entries").get(0).path("reason").asText()).isEqualTo("imported from fenmoor.json");
        assertThat(retirements.path("entries").get(0).path("changes").get(1).path("after").asText())
                .contains("Safeguarding Adults");
        assertThat(ok(api.get("/api/audit?planId=" + PLAN + "&type=IndicatorRetired").as("auditor"), 200).json()
                .path("total").asInt()).isEqualTo(1);

        // the same file again records nothing: retired once, unchanged after
        ok(api.post("/api/imports?filename=fenmoor.json").as("manager").json(file), 201);
        assertThat(storedEvents()).isEqualTo(afterImport);

        // the partnership's 2015/16 crime figure was revised: the re-import corrects it
        String revised = file.replace("{\"period\": \"2015/16\", \"value\": 4120,", "{\"period\": \"2015/16\", \"value\": 4065,");
        assertThat(revised).isNotEqualTo(file);
        Response reimported = ok(api.post("/api/imports?filename=fenmoor-revised.json").as("manager").json(revised), 201);
        assertThat(texts(reimported.json().path("revisedRecords")))
                .containsExactly("reading 'fenmoor-recorded-crime' 2015/16: value (the file says 4065, the store 4120)");
        assertThat(storedEvents()).isEqualTo(afterImport + 1);

        JsonNode corrected = eventually(() -> api.get("/api/plans/" + PLAN + "/board").as("board"),
                r -> r.status() == 200 && measure(r.json(), "fenmoor-recorded-crime").path("latestReading")
                        .path("value").decimalValue().compareTo(new java.math.BigDecimal("4065")) == 0).json();
        assertThat(measure(corrected, "fenmoor-recorded-crime").path("latestReading").path("corrections").asInt()).isEqualTo(1);
        JsonNode correction = eventually(() -> api.get("/api/audit?planId=" + PLAN + "&type=IndicatorReadingCorrected")
                .as("auditor"), r -> r.status() == 200 && r.json().path("total").asInt() == 1).json().path("entries").get(0);
        assertThat(correction.path("reason").asText()).isEqualTo("re-imported from fenmoor-revised.json");
        assertThat(correction.path("changes").get(0).path("field").asText()).isEqualTo("reading (2015/16)");
        assertThat(correction.path("changes").get(0).path("before").asText()).isEqualTo("4120");
        assertThat(correction.path("changes").get(0).path("after").asText()).isEqualTo("4065");

        // corrected today: as at the plan's last day (the journal has the correction) the figure is as published then
        JsonNode asPublished = ok(api.get("/api/plans/" + PLAN + "/board?asAt=2018-03-31").as("board"), 200).json();
        assertThat(measure(asPublished, "fenmoor-recorded-crime").path("latestReading").path("value").asInt()).isEqualTo(4120);
        assertThat(measure(asPublished, "fenmoor-recorded-crime").path("latestReading").path("corrections").asInt()).isZero();

        // and the revised file again changes nothing
        ok(api.post("/api/imports?filename=fenmoor-revised.json").as("manager").json(revised), 201);
        assertThat(storedEvents()).isEqualTo(afterImport + 1);
    }

    @Test
    void theNewEndpointsRefuseBadRequestsNamingTheFieldAndStoreNothing() {
        String plan = "/api/plans/" + PLAN + "-api";
        ok(api.post("/api/plans").as("manager").json(Map.of("id", PLAN + "-api", "partnership", "P", "title", "T",
                "periodStart", "2015-04-01", "periodEnd", "2018-03-31", "cadence", "QUARTERLY", "effectiveOn", "2015-04-01")), 201);
        ok(api.post(plan + "/priorities").as("manager").json(Map.of("id", "p1", "title", "Theme",
                "focus", List.of("Night-time economy"))), 201);
        ok(api.post(plan + "/objectives").as("manager").json(Map.of("id", "o1", "priorityId", "p1", "title", "O")), 201);
        ok(api.post(plan + "/indicators").as("manager").json(Map.of("id", "i1", "objectiveId", "o1", "name", "N",
                "unit", "COUNT", "direction", "REDUCE", "target", Map.of("kind", "MONITOR_ONLY", "text", "Monitor"))), 201);
        ok(api.post(plan + "/indicators/i1/readings").as("manager").json(Map.of("id", "i1.r1", "value", 10,
                "period", "2015/16")), 200);

        refused(api.post(plan + "/objectives/o1/retirement").as("manager").json(Map.of()), 400, "reason");
        refused(api.post(plan + "/indicators/i1/readings/i1.r1/correction").as("manager").json(Map.of("value", 9)), 400, "reason");
        refused(api.post(plan + "/indicators/i1/readings/nope/correction").as("manager")
                .json(Map.of("value", 9, "reason", "revised")), 404, "readingId");
        refused(api.post(plan + "/indicators/i1/retirement").as("lead1").json(Map.of("reason", "x")), 403, null);

        ok(api.post(plan + "/indicators/i1/readings/i1.r1/correction").as("manager")
                .json(Map.of("value", 9, "reason", "revised")), 200);
        ok(api.post(plan + "/indicators/i1/retirement").as("manager")
                .json(Map.of("reason", "no longer published", "effectiveOn", "2016-04-01")), 200);
        refused(api.post(plan + "/indicators/i1/readings").as("manager").json(Map.of("value", 8, "period", "2016/17")),
                409, "period");
        ok(api.post(plan + "/objectives/o1/retirement").as("manager").json(Map.of("reason", "dropped")), 200);
        refused(api.post(plan + "/objectives/o1/retirement").as("manager").json(Map.of("reason", "again")), 409, "objectiveId");

        JsonNode board = eventually(() -> api.get(plan + "/board").as("board"),
                r -> r.status() == 200 && priority(r.json(), "p1").path("objectives").isEmpty()).json();
        assertThat(texts(priority(board, "p1").path("focus"))).containsExactly("Night-time economy");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = UnseenPlanImportTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Response ok(Call call, int status) {
        Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private void refused(Call call, int status, String field) {
        long before = storedEvents();
        Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
        }
        assertThat(storedEvents()).as("events stored by a refused request").isEqualTo(before);
    }

    private static boolean hasObjective(JsonNode board, String objectiveId) {
        return StreamSupport.stream(board.path("priorities").spliterator(), false)
                .flatMap(p -> StreamSupport.stream(p.path("objectives").spliterator(), false))
                .anyMatch(o -> o.path("objectiveId").asText().equals(objectiveId));
    }

    private static JsonNode priority(JsonNode board, String priorityId) {
        return StreamSupport.stream(board.path("priorities").spliterator(), false)
                .filter(p -> p.path("priorityId").asText().equals(priorityId)).findFirst().orElseThrow();
    }

    private static JsonNode measure(JsonNode board, String indicatorId) {
        return StreamSupport.stream(board.path("measures").spliterator(), false)
                .filter(m -> m.path("indicatorId").asText().equals(indicatorId)).findFirst()
                .orElseThrow(() -> new AssertionError("no measure " + indicatorId + " in " + board.path("measures")));
    }

    private static List<String> objectiveIds(JsonNode priority) {
        return texts(priority.path("objectives"), "objectiveId");
    }

    private static List<String> indicatorIds(JsonNode objective) {
        return texts(objective.path("indicators"), "indicatorId");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
