package org.planledger.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.planledger.infra.web.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API end to end: the application on the embedded profile in a temporary data directory,
 * on a random port, driven by a real HTTP client. One Spring context for every nested group.
 * Every rejected request is checked to have stored no event.
 */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpApiTest {

    static final int BODY_LIMIT = 65_536;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", () -> dataDir.toString());
        registry.add("planledger.api.max-request-bytes", () -> BODY_LIMIT);
        // the live boards keep each plan's version in memory, and re-read it from the store after this lease
        // even without being told of a change: an hour, so a test here sees a change only if it was told of it
        registry.add("planledger.query-side.board-version-lease", () -> "1h");
    }

    @Autowired
    com.mongodb.client.MongoDatabase planLedgerMongoDatabase;

    /** The events the stored board document of the plan has absorbed, per aggregate. */
    Object boardDocumentApplied(String planId) {
        org.bson.Document stored = planLedgerMongoDatabase.getCollection("board")
                .find(com.mongodb.client.model.Filters.eq("_id", planId)).first();
        return stored == null ? null : stored.get(org.planledger.query.support.AppliedEvents.FIELD);
    }

    /** Waits until the stored board document of the plan has absorbed more than {@code before} (a write just made). */
    void awaitBoardDocumentChangedFrom(String planId, Object before) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!java.util.Objects.equals(boardDocumentApplied(planId), before)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the board document of " + planId + " never changed");
    }

    /**
     * Asks at most {@code seconds} until the answer shows what was written: for what a cache must show as soon
     * as the board document holds it (the version lease above is an hour, so only being told of the change helps).
     */
    Response soon(java.util.function.Supplier<Call> call, java.util.function.Predicate<Response> shows) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        Response response = call.get().send();
        while (!shows.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            response = call.get().send();
        }
        assertThat(shows.test(response)).as("a kept board did not show what its document holds: " + response).isTrue();
        return response;
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

    // ---- helpers ----------------------------------------------------------------------------------

    long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Response ok(Call call, int status) {
        Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /** The request is refused with this status as problem+json, and the event store is unchanged. */
    Response refused(Call call, int status) {
        long before = storedEvents();
        Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:planledger:problem:");
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        assertThat(storedEvents()).as("events stored by a refused request").isEqualTo(before);
        return response;
    }

    Response badField(Call call, String field) {
        Response response = refused(call, 400);
        assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
        return response;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> planBody(String id) {
        return map("id", id, "partnership", "Kettering Borough Community Safety Partnership",
                "title", "Community Safety Plan 2013-2016", "periodStart", "2013-04-01", "periodEnd", "2016-03-31",
                "cadence", "BI_MONTHLY", "effectiveOn", "2013-04-01");
    }

    static Map<String, Object> actionBody(String id, String objectiveId, String leadUserId) {
        return map("id", id, "objectiveId", objectiveId, "title", "Target hardening for repeat victims",
                "outputs", List.of("Locks fitted"), "leads",
                List.of(map("name", "Lead " + leadUserId, "organisation", "Kettering Borough Council", "userId", leadUserId)),
                "partners", List.of("Police"), "startDate", "2013-04-01", "endDate", "2014-03-31",
                "effectiveOn", "2013-04-01");
    }

    /** A plan with one priority and objective and two actions, led by lead1 and lead2. */
    record Fixture(String planId, String priorityId, String objectiveId, String lead1Action, String lead2Action) {
    }

    Fixture fixture() {
        String planId = unique("plan");
        ok(api.post("/api/plans").json(planBody(planId)), 201);
        ok(api.post("/api/plans/" + planId + "/priorities").json(map("id", "asb", "title", "Anti-social behaviour", "effectiveOn", "2013-04-01")), 201);
        ok(api.post("/api/plans/" + planId + "/objectives")
                .json(map("id", "asb-1", "priorityId", "asb", "title", "Reduce ASB", "effectiveOn", "2013-04-01")), 201);
        String lead1Action = unique("a1");
        String lead2Action = unique("a2");
        ok(api.post("/api/plans/" + planId + "/actions").json(actionBody(lead1Action, "asb-1", "lead1")), 201);
        ok(api.post("/api/plans/" + planId + "/actions").json(actionBody(lead2Action, "asb-1", "lead2")), 201);
        return new Fixture(planId, "asb", "asb-1", lead1Action, lead2Action);
    }

    String progress(String actionId, String user) {
        Response response = ok(api.post("/api/actions/" + actionId + "/progress").as(user)
                .json(map("period", "2013-06", "text", "Bid successful, £17.7k awarded")), 201);
        return response.json().path("noteId").asText();
    }

    // ---- happy paths ------------------------------------------------------------------------------

    @Nested
    class PlanStructure {

        @Test
        void draftPlanAnswers201WithLocationEtagAndId() {
            String planId = unique("plan");
            Response response = ok(api.post("/api/plans").json(planBody(planId)), 201);
            assertThat(response.header("Location")).endsWith("/api/plans/" + planId);
            assertThat(response.header("ETag")).isEqualTo("\"0\"");
            assertThat(response.json().path("id").asText()).isEqualTo(planId);
            assertThat(response.json().path("version").asLong()).isZero();
        }

        @Test
        void aRetriedCreateIsHarmlessAndStoresNothingNew() {
            String planId = unique("plan");
            ok(api.post("/api/plans").json(planBody(planId)), 201);
            long before = storedEvents();
            Response retry = ok(api.post("/api/plans").json(planBody(planId)), 201);
            assertThat(retry.header("Location")).endsWith("/api/plans/" + planId);
            assertThat(storedEvents()).isEqualTo(before);
        }

        @Test
        void draftPlanWithoutIdGetsOne() {
            Map<String, Object> body = planBody(null);
            body.remove("id");
            Response response = ok(api.post("/api/plans").json(body), 201);
            String id = response.json().path("id").asText();
            assertThat(id).isNotBlank();
            assertThat(response.header("Location")).endsWith("/api/plans/" + id);
        }

        @Test
        void everyStructuralCommandOfThePlan() {
            String planId = unique("plan");
            String plan = "/api/plans/" + planId;
            ok(api.post("/api/plans").json(planBody(planId)), 201);
            Response priority = ok(api.post(plan + "/priorities")
                    .json(map("id", "violence", "title", "Violence", "leads", List.of("Police"))), 201);
            assertThat(priority.header("Location")).endsWith(plan + "/priorities/violence");
            assertThat(priority.header("ETag")).isEqualTo("\"1\"");
            Response revised = ok(api.put(plan + "/priorities/violence").header("If-Match", "\"1\"")
                    .json(map("title", "Violent crime", "reason", "board asked")), 200);
            assertThat(revised.header("ETag")).isEqualTo("\"2\"");
            ok(api.post(plan + "/objectives").json(map("id", "v-1", "priorityId", "violence",
                    "title", "Reduce violence", "outcomes", List.of("Fewer victims"))), 201);
            ok(api.put(plan + "/objectives/v-1").json(map("title", "Reduce violent crime", "outcomes", List.of())), 200);
            ok(api.post(plan + "/indicators").json(map("id", "ind-1", "objectiveId", "v-1",
                    "name", "Violence with injury", "unit", "COUNT", "direction", "REDUCE",
                    "baseline", map("value", 1140, "period", "2012/13", "source", "Police", "text", "1,140"),
                    "target", map("kind", "PERCENT_CHANGE", "value", 5, "text", "5% reduction"),
                    "changeRequired", "57 (5%)", "dueOn", "2014-03-31", "lead", "Police")), 201);
            ok(api.post(plan + "/indicators/ind-1/readings").json(map("value", 1100, "period", "2013/14 Q1")), 200);
            ok(api.post(plan + "/indicators/ind-1/rebaselining").json(map(
                    "target", map("kind", "ABSOLUTE", "value", 1000, "text", "below 1,000"), "reason", "new baseline")), 200);
            ok(api.post(plan + "/board-meetings").json(map("id", "m-1", "heldOn", "2013-11-21", "title", "CSP Board")), 201);
            ok(api.post(plan + "/refreshes").json(map("note", "Strategic assessment 2014")), 200);
            ok(api.post(plan + "/priorities/violence/retirement").json(map("reason", "merged")), 200);
            Response closed = ok(api.post(plan + "/closure").json(map("reason", "period over")), 200);
            assertThat(closed.json().path("version").asLong()).isEqualTo(Long.parseLong(closed.header("ETag").replace("\"", "")));
            refused(api.post(plan + "/refreshes").json(map("note", "too late")), 409);
        }
    }

    @Nested
    class SeriesLinksAndMembers {

        @Test
        void readingsWithCostNoteAndSeriesABreakAndALinkShowOnTheBoard() {
            Fixture f = fixture();
            String plan = "/api/plans/" + f.planId();
            ok(api.post(plan + "/indicators").json(map("id", "all-crime", "name", "All recorded crime", "unit", "COUNT",
                    "direction", "REDUCE", "target", map("kind", "IMPROVE_ON_PREVIOUS", "text", "Fewer than last year"))), 201);
            ok(api.post(plan + "/indicators").json(map("id", "burglary", "objectiveId", f.objectiveId(), "name", "Burglary",
                    "unit", "COUNT", "direction", "REDUCE", "target", map("kind", "PEER_COMPARISON", "text", "Below the MSG",
                            "peerGroup", "Most Similar Group"))), 201);
            ok(api.post(plan + "/indicators/all-crime/readings").json(map("id", "ac-2012", "value", 312, "period", "2012/13",
                    "costPence", 150000000, "note", "provisional", "source", "iQuanta")), 200);
            ok(api.post(plan + "/indicators/all-crime/readings").json(map("id", "ac-2012", "value", 312, "period", "2012/13",
                    "costPence", 150000000, "note", "provisional", "source", "iQuanta")), 200);
            refused(api.post(plan + "/indicators/all-crime/readings").json(map("id", "ac-2012", "value", 313, "period", "2012/13")), 409);
            ok(api.post(plan + "/indicators/all-crime/readings").json(map("id", "ac-2013", "value", 233, "period", "2013/14")), 200);
            ok(api.post(plan + "/indicators/burglary/readings").json(map("value", 8, "period", "2013/14")), 200);
            ok(api.post(plan + "/indicators/burglary/readings").json(map("value", 9, "period", "2013/14", "series", "PEER")), 200);
            refused(api.post(plan + "/indicators/burglary/readings").json(map("value", 9, "period", "2013/14", "series", "THEIRS")), 400);
            ok(api.post(plan + "/indicators/burglary/series-breaks").json(map("breakOn", "2013-01-01",
                    "reason", "counting rules changed", "newBaselinePending", true)), 200);
            ok(api.post(plan + "/objectives").json(map("id", "asb-2", "priorityId", "asb", "title", "Repeat victims")), 201);
            ok(api.post(plan + "/indicators/burglary/links").json(map("objectiveId", "asb-2")), 200);

            Response board = eventually(() -> api.get(plan + "/board").as("board"),
                    r -> r.status() == 200 && r.json().path("measures").size() == 1
                            && r.json().path("measures").get(0).path("readingCount").asInt() == 2
                            // the link, not only the objective: the two events may reach the board in separate batches
                            && r.json().toString().contains("asb-2") && linkedUnderAsb2(r.json()));
            JsonNode measure = board.json().path("measures").get(0);
            assertThat(measure.path("onTrack").asBoolean()).isTrue();
            assertThat(measure.path("onTrackReason").asText()).isEqualTo("233 vs 312 in 2012/13: improved");
            assertThat(measure.path("previousReading").path("costPence").asLong()).isEqualTo(150000000L);
            assertThat(measure.path("change").asInt()).isEqualTo(-79);
            int shown = 0;
            for (JsonNode objective : board.json().path("priorities").get(0).path("objectives")) {
                for (JsonNode indicator : objective.path("indicators")) {
                    if (indicator.path("indicatorId").asText().equals("burglary")) {
                        shown++;
                        assertThat(indicator.path("onTrackReason").asText())
                                .isEqualTo("8 vs 9 for Most Similar Group in 2013/14: better than peers");
                    }
                }
            }
            assertThat(shown).isEqualTo(2);
        }

        private static boolean linkedUnderAsb2(JsonNode board) {
            for (JsonNode objective : board.path("priorities").get(0).path("objectives")) {
                if (objective.path("objectiveId").asText().equals("asb-2")) {
                    return objective.path("indicators").size() > 0;
                }
            }
            return false;
        }

        @Test
        void membersAreListedOnTheBoardUntilTheyLeave() {
            Fixture f = fixture();
            String plan = "/api/plans/" + f.planId();
            ok(api.put(plan + "/members/chair").json(map("name", "Ann Lee", "organisation", "Kettering BC", "role", "Chair",
                    "from", "2013-04-01")), 200);
            ok(api.put(plan + "/members/chair").json(map("name", "Ann Lee", "organisation", "Kettering BC", "role", "Chair",
                    "from", "2013-04-01")), 200);
            ok(api.put(plan + "/members/police").json(map("organisation", "Northamptonshire Police",
                    "from", "2013-04-01", "to", "2013-09-30")), 200);
            refused(api.put(plan + "/members/nobody").json(map("role", "Chair")), 400);

            Response board = eventually(() -> api.get(plan + "/board").as("board"),
                    r -> r.status() == 200 && r.json().path("members").size() == 1);
            assertThat(board.json().path("members").get(0).path("memberId").asText()).isEqualTo("chair");
        }

        @Test
        void asAtBeforeThePlanStartsSaysWhenItStarts() {
            String planId = unique("plan");
            ok(api.post("/api/plans").json(planBody(planId)), 201);
            eventually(() -> api.get("/api/plans/" + planId + "/board").as("board"), r -> r.status() == 200);
            eventually(() -> api.get("/api/plans/" + planId + "/timeline").as("board"), r -> r.status() == 200);

            Response response = badField(api.get("/api/plans/" + planId + "/board?asAt=1999-01-01").as("board"), "asAt");
            assertThat(response.json().path("detail").asText()).contains("the plan starts on 2013-04-01");
        }

        @Test
        void aFinishedPlansBoardIsJudgedAsAtItsEnd() {
            String planId = unique("plan");
            ok(api.post("/api/plans").json(planBody(planId)), 201);   // April 2013 to March 2016

            Response board = eventually(() -> api.get("/api/plans/" + planId + "/board").as("board"), r -> r.status() == 200);

            assertThat(board.json().path("finished").asBoolean()).isTrue();
            assertThat(board.json().path("viewedAsAt").asText()).isEqualTo("2016-03-31");
        }
    }

    @Nested
    class ActionWork {

        @Test
        void addActionAnswersWithTheActionsLocationAndVersion() {
            Fixture f = fixture();
            String actionId = unique("act");
            Response response = ok(api.post("/api/plans/" + f.planId() + "/actions")
                    .json(actionBody(actionId, f.objectiveId(), "lead1")), 201);
            assertThat(response.header("Location")).endsWith("/api/actions/" + actionId);
            assertThat(response.header("ETag")).isEqualTo("\"0\"");
        }

        @Test
        void leadRecordsProgressCorrectsAndWithdrawsNotes() {
            Fixture f = fixture();
            String action = "/api/actions/" + f.lead1Action();
            Response first = ok(api.post(action + "/progress").as("lead1")
                    .json(map("period", "2013-06", "text", "Bid submitted")), 201);
            String noteId = first.json().path("noteId").asText();
            assertThat(noteId).isNotBlank();
            assertThat(first.header("Location")).endsWith(action + "/progress/" + noteId);
            assertThat(first.header("ETag")).isEqualTo("\"1\"");
            Response second = ok(api.post(action + "/progress").as("lead1")
                    .json(map("id", "note-2", "period", "2013-08-14", "text", "Bid successful")), 201);
            assertThat(second.json().path("noteId").asText()).isEqualTo("note-2");
            ok(api.post(action + "/progress/" + noteId + "/corrections").as("lead1")
                    .json(map("text", "Bid submitted to the PCC", "reason", "named the funder")), 200);
            ok(api.post(action + "/progress/note-2/withdrawal").as("lead1").json(map("reason", "duplicate")), 200);
            refused(api.post(action + "/progress/note-2/corrections").as("lead1")
                    .json(map("text", "x", "reason", "y")), 409);
            refused(api.post(action + "/progress/no-such-note/withdrawal").as("lead1").json(map("reason", "x")), 404);
        }

        @Test
        void deliveryWorkOnTheLeadsOwnAction() {
            Fixture f = fixture();
            String action = "/api/actions/" + f.lead1Action();
            Response rag = ok(api.put(action + "/rag").as("lead1").json(map("status", "AMBER", "reason", "bid late")), 200);
            assertThat(rag.header("ETag")).isEqualTo("\"1\"");
            ok(api.post(action + "/spend").as("lead1").json(map("id", "s-1", "amountPence", 125000,
                    "description", "Locks", "financialYear", "2013/14")), 201);
            ok(api.post(action + "/risks").as("lead1").json(map("id", "r-1", "description", "Funding ends",
                    "likelihood", 3, "impact", 4, "owner", "CSP manager", "mitigation", "Seek PCC bid")), 201);
            ok(api.put(action + "/risks/r-1").as("lead1").json(map("likelihood", 2, "impact", 4)), 200);
            ok(api.post(action + "/risks/r-1/closure").as("lead1").json(map("reason", "funded")), 200);
            Response tally = ok(api.post(action + "/referral-tallies").as("lead1").json(map("id", "t-1",
                    "from", "2012-04-01", "to", "2013-03-31", "count", 65, "totalCostPence", 1094300)), 201);
            assertThat(tally.header("Location")).endsWith(action + "/referral-tallies/t-1");
        }

        @Test
        void referralCasesFromRecordToClose() {
            Fixture f = fixture();
            String action = "/api/actions/" + f.lead1Action();
            String referralId = unique("ref");
            Response recorded = ok(api.post(action + "/referrals").as("lead1").json(map("id", referralId,
                    "receivedOn", "2013-07-02", "referringAgency", "Police", "subjectRef", "KT-041",
                    "reason", "repeat burglary victim")), 201);
            assertThat(recorded.header("Location")).endsWith("/api/referrals/" + referralId);
            assertThat(recorded.header("ETag")).isEqualTo("\"0\"");
            Response accepted = ok(api.post("/api/referrals/" + referralId + "/acceptance").as("lead1"), 200);
            assertThat(accepted.header("ETag")).isEqualTo("\"1\"");
            ok(api.post("/api/referrals/" + referralId + "/closure").as("lead1")
                    .json(map("outcome", "Locks fitted", "costPence", 25000)), 200);
            refused(api.post("/api/referrals/" + referralId + "/closure").as("lead1")
                    .json(map("outcome", "again", "costPence", 1)), 409);

            String declined = unique("ref");
            ok(api.post(action + "/referrals").as("manager").json(map("id", declined,
                    "receivedOn", "2013-07-03", "referringAgency", "Housing")), 201);
            ok(api.post("/api/referrals/" + declined + "/decline").as("manager").json(map("reason", "out of area")), 200);
        }

        @Test
        void managerChangesTheActionsShapeAndStatus() {
            Fixture f = fixture();
            String action = "/api/actions/" + f.lead1Action();
            ok(api.put(action + "/schedule").json(map("startDate", "2013-05-01", "endDate", "2014-06-30",
                    "reason", "late start")), 200);
            ok(api.put(action + "/leads").json(map("leads", List.of(map("name", "A", "userId", "lead1"),
                    map("name", "B", "organisation", "Police", "userId", "lead2")))), 200);
            ok(api.put(action + "/details").json(map("title", "Target hardening", "outputs", List.of("Locks")) ), 200);
            ok(api.post(action + "/funding").json(map("id", "f-1", "amountPence", 1770000,
                    "source", "Police and Crime Commissioner", "financialYear", "2013/14")), 201);
            ok(api.post(action + "/completion").json(map("note", "done")), 200);
            ok(api.post(action + "/reopening").json(map("reason", "more to do")), 200);
            Response ceased = ok(api.post(action + "/cessation").json(map("reason", "DECC no longer operating")), 200);
            assertThat(ceased.header("ETag")).isNotBlank();
        }

        @Test
        void versionsInEtagsFollowEachChange() {
            Fixture f = fixture();
            String action = "/api/actions/" + f.lead1Action();
            Response first = ok(api.put(action + "/rag").as("lead1").header("If-Match", "\"0\"")
                    .json(map("status", "GREEN")), 200);
            assertThat(first.header("ETag")).isEqualTo("\"1\"");
            Response second = ok(api.put(action + "/rag").as("lead1").header("If-Match", first.header("ETag"))
                    .json(map("status", "AMBER", "reason", "slipping")), 200);
            assertThat(second.header("ETag")).isEqualTo("\"2\"");
        }
    }

    // ---- errors -----------------------------------------------------------------------------------

    @Nested
    class BadInput {

        @Test
        void missingField() {
            Map<String, Object> body = planBody(unique("plan"));
            body.remove("title");
            Response response = badField(api.post("/api/plans").json(body), "title");
            assertThat(response.json().path("errors").get(0).path("message").asText()).isEqualTo("is required");
        }

        @Test
        void aDateMustBeTextNotAnEmptyArrayOrANumber() {
            Fixture f = fixture();
            for (Object notADate : List.of(List.of(), 20160331)) {
                Map<String, Object> body = planBody(unique("plan"));
                body.put("periodEnd", notADate);
                badField(api.post("/api/plans").json(body), "periodEnd");
                // an action's dates are optional (ongoing): an empty array must not pass for "no date"
                Map<String, Object> action = actionBody(unique("act"), "asb-1", "lead1");
                action.put("startDate", notADate);
                badField(api.post("/api/plans/" + f.planId() + "/actions").json(action), "startDate");
            }
        }

        @Test
        void anEnumValueMustMatchExactly() {
            Map<String, Object> body = planBody(unique("plan"));
            body.put("cadence", "QUARTERLY\u0000");
            badField(api.post("/api/plans").json(body), "cadence");
        }

        @Test
        void blankField() {
            Map<String, Object> body = planBody(unique("plan"));
            body.put("partnership", "   ");
            badField(api.post("/api/plans").json(body), "partnership");
        }

        @Test
        void tooLongField() {
            Map<String, Object> body = planBody(unique("plan"));
            body.put("title", "x".repeat(501));
            Response response = badField(api.post("/api/plans").json(body), "title");
            assertThat(response.json().path("detail").asText()).contains("size must be between");
        }

        @Test
        void wrongType() {
            Fixture f = fixture();
            badField(api.post("/api/actions/" + f.lead1Action() + "/referral-tallies").json(map(
                    "from", "2012-04-01", "to", "2013-03-31", "count", "sixty-five", "totalCostPence", 1)), "count");
            badField(api.post("/api/actions/" + f.lead1Action() + "/referral-tallies").json(map(
                    "from", "2012-04-01", "to", "2013-03-31", "count", 65, "totalCostPence", 1.5)), "totalCostPence");
            badField(api.post("/api/plans/" + f.planId() + "/actions").json(map("objectiveId", "asb-1", "title", "t",
                    "leads", "lead1", "startDate", "2013-04-01", "endDate", "2014-03-31")), "leads");
            Map<String, Object> plan = planBody(unique("plan"));
            plan.put("periodStart", 12);
            badField(api.post("/api/plans").json(plan), "periodStart");
        }

        @Test
        void nestedFieldIsNamedByItsPath() {
            Fixture f = fixture();
            Map<String, Object> body = actionBody(unique("act"), f.objectiveId(), "lead1");
            // an organisation alone may lead (issue 13), so the nested fault is a name over its limit
            body.put("leads", List.of(map("name", "ok"), map("name", "x".repeat(501), "organisation", "Police")));
            badField(api.post("/api/plans/" + f.planId() + "/actions").json(body), "leads[1].name");
        }

        @Test
        void malformedJson() {
            Response response = refused(api.post("/api/plans").json("{\"title\": \"unterminated"), 400);
            assertThat(response.json().path("detail").asText()).contains("not well-formed JSON");
        }

        @Test
        void missingBody() {
            refused(api.post("/api/plans").header("Content-Type", "application/json"), 400);
        }

        @Test
        void unknownEnumValue() {
            Map<String, Object> body = planBody(unique("plan"));
            body.put("cadence", "WEEKLY");
            Response response = badField(api.post("/api/plans").json(body), "cadence");
            assertThat(response.json().path("detail").asText()).contains("BI_MONTHLY", "QUARTERLY", "SIX_MONTHLY");
        }

        @Test
        void unknownField() {
            Map<String, Object> body = planBody(unique("plan"));
            body.put("titel", "typo");
            badField(api.post("/api/plans").json(body), "titel");
        }

        @Test
        void dateOutOfRange() {
            Map<String, Object> body = planBody(unique("plan"));
            body.put("periodStart", "0999-04-01");
            badField(api.post("/api/plans").json(body), "periodStart");
            body.put("periodStart", "2013-02-30");
            badField(api.post("/api/plans").json(body), "periodStart");
        }

        @Test
        void badProgressPeriod() {
            Fixture f = fixture();
            badField(api.post("/api/actions/" + f.lead1Action() + "/progress").as("lead1")
                    .json(map("period", "June 2013", "text", "x")), "period");
            badField(api.post("/api/actions/" + f.lead1Action() + "/progress").as("lead1")
                    .json(map("period", "2013-13", "text", "x")), "period");
        }

        @Test
        void negativeMoney() {
            Fixture f = fixture();
            badField(api.post("/api/actions/" + f.lead1Action() + "/spend").json(map("amountPence", -1,
                    "description", "refund", "financialYear", "2013/14")), "amountPence");
            badField(api.post("/api/actions/" + f.lead1Action() + "/referral-tallies").json(map(
                    "from", "2012-04-01", "to", "2013-03-31", "count", 65, "totalCostPence", -100)), "totalCostPence");
        }

        @Test
        void badFinancialYear() {
            Fixture f = fixture();
            badField(api.post("/api/actions/" + f.lead1Action() + "/funding").json(map("amountPence", 1,
                    "source", "PCC", "financialYear", "2013/15")), "financialYear");
        }

        @Test
        void endBeforeStart() {
            Map<String, Object> plan = planBody(unique("plan"));
            plan.put("periodEnd", "2012-03-31");
            Response response = badField(api.post("/api/plans").json(plan), "periodEnd");
            assertThat(response.json().path("code").asText()).isEqualTo("END_BEFORE_START");
            Fixture f = fixture();
            badField(api.put("/api/actions/" + f.lead1Action() + "/schedule")
                    .json(map("startDate", "2014-01-01", "endDate", "2013-01-01")), "endDate");
        }

        @Test
        void reasonRequiredForAmber() {
            Fixture f = fixture();
            Response response = badField(api.put("/api/actions/" + f.lead1Action() + "/rag").as("lead1")
                    .json(map("status", "AMBER")), "reason");
            assertThat(response.json().path("code").asText()).isEqualTo("REASON_REQUIRED");
        }

        @Test
        void badIdInPath() {
            badField(api.post("/api/actions/bad%20id/progress").as("manager")
                    .json(map("period", "2013-06", "text", "x")), "actionId");
        }

        @Test
        void badIfMatch() {
            Fixture f = fixture();
            badField(api.put("/api/actions/" + f.lead1Action() + "/rag").as("lead1").header("If-Match", "\"abc\"")
                    .json(map("status", "GREEN")), "If-Match");
        }

        @Test
        void reasonHeaderOverTheReasonLimit() {
            Fixture f = fixture();
            String action = "/api/actions/" + f.lead1Action();
            Response response = badField(api.post(action + "/progress").as("lead1")
                    .header("X-Change-Reason", "x".repeat(2_001))
                    .json(map("period", "2013-06", "text", "x")), "X-Change-Reason");
            assertThat(response.json().path("detail").asText()).contains("2000");
            ok(api.post(action + "/progress").as("lead1").header("X-Change-Reason", "x".repeat(2_000))
                    .json(map("period", "2013-06", "text", "x")), 201);
        }

        @Test
        void bodyOverTheLimit() {
            Map<String, Object> body = planBody(unique("plan"));
            body.put("title", "x".repeat(BODY_LIMIT + 10));
            Response response = refused(api.post("/api/plans").json(body), 413);
            assertThat(response.json().path("type").asText()).endsWith("payload-too-large");
        }
    }

    @Nested
    class NotFoundAndConflicts {

        @Test
        void unknownPlanActionAndReferral() {
            refused(api.post("/api/plans/no-such-plan/priorities").json(map("title", "x")), 404);
            refused(api.post("/api/actions/no-such-action/progress").json(map("period", "2013-06", "text", "x")), 404);
            refused(api.post("/api/referrals/no-such-referral/acceptance"), 404);
            Fixture f = fixture();
            refused(api.post("/api/plans/" + f.planId() + "/objectives")
                    .json(map("priorityId", "no-such-priority", "title", "x")), 404);
        }

        @Test
        void unknownPathIsProblemJson() {
            refused(api.get("/api/no-such-thing"), 404);
        }

        @Test
        void staleIfMatch() {
            Fixture f = fixture();
            String rag = "/api/actions/" + f.lead1Action() + "/rag";
            ok(api.put(rag).as("lead1").header("If-Match", "\"0\"").json(map("status", "GREEN")), 200);
            Response stale = refused(api.put(rag).as("lead1").header("If-Match", "\"0\"")
                    .json(map("status", "RED", "reason", "stalled")), 409);
            assertThat(stale.json().path("code").asText()).isEqualTo("STALE_VERSION");
            assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(1);
            refused(api.post("/api/plans/" + f.planId() + "/priorities").header("If-Match", "\"1\"")
                    .json(map("title", "Violence")), 409);
        }

        @Test
        void duplicateIdWithDifferentContent() {
            String planId = unique("plan");
            ok(api.post("/api/plans").json(planBody(planId)), 201);
            Map<String, Object> different = planBody(planId);
            different.put("title", "Another plan");
            Response response = refused(api.post("/api/plans").json(different), 409);
            assertThat(response.json().path("code").asText()).isEqualTo("DUPLICATE_ID");
        }

        @Test
        void actionIdUsedByAnotherPlan() {
            Fixture one = fixture();
            Fixture two = fixture();
            refused(api.post("/api/plans/" + two.planId() + "/actions")
                    .json(actionBody(one.lead1Action(), two.objectiveId(), "lead1")), 409);
        }

        @Test
        void anIdOfAnotherKindIsNeverWrittenTo() {
            Fixture f = fixture();
            // a plan command aimed at an action's stream, an action command at a plan's, a referral command at an action's
            refused(api.post("/api/plans/" + f.lead1Action() + "/priorities").json(map("title", "x")), 404);
            refused(api.post("/api/actions/" + f.planId() + "/progress").json(map("period", "2013-06", "text", "x")), 404);
            refused(api.post("/api/referrals/" + f.lead1Action() + "/acceptance"), 404);
            refused(api.post("/api/referrals/" + f.lead1Action() + "/acceptance").as("lead1"), 404);
            Response reused = refused(api.post("/api/plans").json(planBody(f.lead1Action())), 409);
            assertThat(reused.json().path("code").asText()).isEqualTo("DUPLICATE_ID");
        }

        @Test
        void progressOnACeasedAction() {
            Fixture f = fixture();
            ok(api.post("/api/actions/" + f.lead1Action() + "/cessation").json(map("reason", "DECC closed")), 200);
            Response response = refused(api.post("/api/actions/" + f.lead1Action() + "/progress").as("lead1")
                    .json(map("period", "2013-06", "text", "x")), 409);
            assertThat(response.json().path("code").asText()).isEqualTo("ACTION_NOT_OPEN");
        }
    }

    // ---- reading ----------------------------------------------------------------------------------

    @Nested
    class Reading {

        JsonNode boardAction(JsonNode board, String actionId) {
            for (JsonNode priority : board.path("priorities")) {
                for (JsonNode objective : priority.path("objectives")) {
                    for (JsonNode action : objective.path("actions")) {
                        if (action.path("actionId").asText().equals(actionId)) {
                            return action;
                        }
                    }
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }

        @Test
        void theBoardAnswers304WhileUnchangedAndANewTagAfterAChange() {
            Fixture f = fixture();
            String board = "/api/plans/" + f.planId() + "/board";
            Response first = eventually(() -> api.get(board).as("board"),
                    r -> r.status() == 200 && !boardAction(r.json(), f.lead2Action()).isMissingNode());
            String tag = first.header("ETag");
            assertThat(tag).as(first.toString()).startsWith("\"");
            assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");

            Response again = api.get(board).as("board").header("If-None-Match", tag).send();
            assertThat(again.status()).as(again.toString()).isEqualTo(304);
            assertThat(again.text()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(tag);

            // a caller who sees referral subject references gets another body, so another tag
            Response manager = ok(api.get(board).as("manager").header("If-None-Match", tag), 200);
            assertThat(manager.header("ETag")).isNotEqualTo(tag);
            // a replay carries no tag and is never 304
            // a replay reads the journal, which may trail the board by a moment under load
            Response replay = eventually(() -> api.get(board + "?asAt=2013-07-15").as("board").header("If-None-Match", tag),
                    r -> r.status() == 200);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
            assertThat(replay.header("ETag")).isNull();

            ok(api.put("/api/actions/" + f.lead1Action() + "/rag").as("lead1")
                    .json(map("status", "RED", "reason", "Funding withdrawn")), 200);
            Response changed = eventually(() -> api.get(board).as("board").header("If-None-Match", tag),
                    r -> r.status() == 200 && boardAction(r.json(), f.lead1Action()).path("rag").asText().equals("RED"));
            assertThat(changed.header("ETag")).isNotEqualTo(tag);
            assertThat(ok(api.get(board).as("board").header("If-None-Match", changed.header("ETag")), 304).text()).isEmpty();
        }

        @Test
        void aKeptBoardShowsANoteOnceItsDocumentHoldsItAndTheOldTagIsNoLonger304() {
            Fixture f = fixture();
            String board = "/api/plans/" + f.planId() + "/board";
            String page = "/plans/" + f.planId();
            Response first = eventually(() -> api.get(board).as("board"),
                    r -> r.status() == 200 && !boardAction(r.json(), f.lead2Action()).isMissingNode());
            String tag = first.header("ETag");
            // served twice from what is kept: the same bytes, and 304 to the tag
            assertThat(ok(api.get(board).as("board"), 200).text()).isEqualTo(first.text());
            assertThat(api.get(board).as("board").header("If-None-Match", tag).send().status()).isEqualTo(304);
            String cookie = ok(api.get(page).as("board"), 200).header("Set-Cookie").split(";", 2)[0];
            Response pageBefore = ok(api.get(page).as("board").header("Cookie", cookie), 200);
            String pageTag = pageBefore.header("ETag");
            assertThat(ok(api.get(page).as("board").header("Cookie", cookie), 200).text()).isEqualTo(pageBefore.text());
            assertThat(pageBefore.text()).doesNotContainPattern("rag-red\">Red</span>\\s*<strong>1</strong>");

            String text = "Kept board note " + UUID.randomUUID();
            Object applied = boardDocumentApplied(f.planId());
            ok(api.post("/api/actions/" + f.lead1Action() + "/progress").as("lead1")
                    .json(map("period", "2013-07", "text", text)), 201);
            awaitBoardDocumentChangedFrom(f.planId(), applied);
            Response changed = soon(() -> api.get(board).as("board").header("If-None-Match", tag),
                    r -> r.status() == 200 && boardAction(r.json(), f.lead1Action()).path("latestNote").path("text").asText().equals(text));
            assertThat(changed.header("ETag")).isNotEqualTo(tag);
            assertThat(ok(api.get(board).as("board").header("If-None-Match", changed.header("ETag")), 304).text()).isEmpty();

            Object beforeRag = boardDocumentApplied(f.planId());
            ok(api.put("/api/actions/" + f.lead1Action() + "/rag").as("lead1")
                    .json(map("status", "RED", "reason", "Funding withdrawn")), 200);
            awaitBoardDocumentChangedFrom(f.planId(), beforeRag);
            Response pageAfter = soon(() -> api.get(page).as("board").header("Cookie", cookie).header("If-None-Match", pageTag),
                    r -> r.status() == 200 && java.util.regex.Pattern.compile("rag-red\">Red</span>\\s*<strong>1</strong>")
                            .matcher(r.text()).find());
            assertThat(pageAfter.header("ETag")).isNotEqualTo(pageTag);
        }

        @Test
        void theBoardPageAnswers304ForTheSameViewerSessionAndFilterOnly() {
            Fixture f = fixture();
            String page = "/plans/" + f.planId();
            eventually(() -> api.get("/api/plans/" + f.planId() + "/board").as("board"),
                    r -> r.status() == 200 && !boardAction(r.json(), f.lead2Action()).isMissingNode());
            Response first = ok(api.get(page).as("board"), 200);
            String cookie = first.header("Set-Cookie").split(";", 2)[0];
            Response second = ok(api.get(page).as("board").header("Cookie", cookie), 200);
            String tag = second.header("ETag");
            assertThat(tag).as(second.toString()).isNotNull();
            Response same = api.get(page).as("board").header("Cookie", cookie).header("If-None-Match", tag).send();
            assertThat(same.status()).as(same.toString()).isEqualTo(304);
            assertThat(same.text()).isEmpty();
            // another filter, another viewer, or no session: the page differs, so 200
            ok(api.get(page + "?overdue=true").as("board").header("Cookie", cookie).header("If-None-Match", tag), 200);
            ok(api.get(page).as("scrutiny").header("Cookie", cookie).header("If-None-Match", tag), 200);
            ok(api.get(page).as("board").header("If-None-Match", tag), 200);
        }

        @Test
        void boardHistoryAuditAndTheRestShowWhatWasWritten() {
            Fixture f = fixture();
            String action = "/api/actions/" + f.lead1Action();
            ok(api.post(action + "/progress").as("lead1").json(map("period", "2013-06", "text", "Bid submitted")), 201);
            ok(api.post(action + "/progress").as("lead1").json(map("period", "2013-08", "text", "Bid successful")), 201);
            ok(api.put(action + "/rag").as("lead1").json(map("status", "AMBER", "reason", "Spend behind profile")), 200);
            String referralId = unique("ref");
            ok(api.post(action + "/referrals").as("lead1").json(map("id", referralId, "receivedOn", "2013-07-02",
                    "referringAgency", "Police", "subjectRef", "KT-2013-041")), 201);

            Response board = eventually(() -> api.get("/api/plans/" + f.planId() + "/board").as("board"),
                    r -> r.status() == 200 && boardAction(r.json(), f.lead1Action()).path("rag").asText().equals("AMBER")
                            && boardAction(r.json(), f.lead1Action()).path("latestNote").path("period").asText().equals("2013-08"));
            JsonNode json = board.json();
            assertThat(json.path("planId").asText()).isEqualTo(f.planId());
            assertThat(json.path("title").asText()).isEqualTo("Community Safety Plan 2013-2016");
            assertThat(json.has("asAt")).isTrue();
            JsonNode priority = json.path("priorities").get(0);
            assertThat(priority.path("priorityId").asText()).isEqualTo("asb");
            assertThat(priority.path("rag").path("amber").asInt()).isEqualTo(1);
            assertThat(priority.path("rag").has("unrated")).isTrue();
            JsonNode boardAction = boardAction(json, f.lead1Action());
            assertThat(boardAction.path("status").asText()).isEqualTo("OPEN");
            assertThat(boardAction.path("endDate").asText()).isEqualTo("2014-03-31");
            assertThat(boardAction.has("overdue")).isTrue();
            assertThat(boardAction.has("stale")).isTrue();
            assertThat(boardAction.path("latestNote").path("period").asText()).isEqualTo("2013-08");
            assertThat(boardAction.path("latestNote").path("text").asText()).isEqualTo("Bid successful");
            assertThat(boardAction.path("referrals").has("count")).isTrue();
            assertThat(boardAction.path("referrals").has("costPence")).isTrue();

            // The replay reads the plan's journal, a projection of its own that may not have caught up with the board's.
            Response asAt = eventually(() -> api.get("/api/plans/" + f.planId() + "/board?asAt=2013-07-15").as("scrutiny"),
                    r -> r.status() == 200 && boardAction(r.json(), f.lead1Action()).path("latestNote").path("period")
                            .asText().equals("2013-06"));
            assertThat(boardAction(asAt.json(), f.lead1Action()).path("latestNote").path("period").asText()).isEqualTo("2013-06");
            ok(api.get("/api/plans/" + f.planId() + "/board?asAt=2013-07-15&knownAt=2099-01-01T00:00:00Z").as("scrutiny"), 200);

            Response history = eventually(() -> api.get(action).as("lead1"),
                    r -> r.status() == 200 && r.json().path("notes").size() == 2 && r.json().path("referrals").size() == 1);
            JsonNode note = history.json().path("notes").get(0);
            assertThat(note.has("noteId")).isTrue();
            assertThat(note.path("period").asText()).isEqualTo("2013-06");
            assertThat(note.has("status")).isTrue();
            assertThat(note.path("corrections").isArray()).isTrue();
            assertThat(history.text()).contains("KT-2013-041");
            for (String reader : List.of("board", "scrutiny")) {
                Response hidden = ok(api.get(action).as(reader), 200);
                assertThat(hidden.text()).doesNotContain("KT-2013-041").doesNotContain("subjectRef");
                assertThat(hidden.json().path("referrals").get(0).path("referralId").asText()).isEqualTo(referralId);
            }

            Response audit = eventually(() -> api.get("/api/audit?planId=" + f.planId() + "&actor=lead1&size=10").as("auditor"),
                    r -> r.status() == 200 && r.json().path("total").asInt() >= 4);
            JsonNode entry = audit.json().path("entries").get(0);
            assertThat(entry.path("actor").asText()).isEqualTo("lead1");
            for (String field : List.of("sequence", "recordedAt", "effectiveOn", "type", "aggregateId")) {
                assertThat(entry.has(field)).as(field).isTrue();
            }
            assertThat(audit.json().path("page").asInt()).isZero();
            assertThat(audit.json().path("size").asInt()).isEqualTo(10);
            ok(api.get("/api/audit?type=RagAssessed&from=2000-01-01&to=2999-12-31T00:00:00Z&page=0&size=5").as("manager"), 200);

            Response plans = ok(api.get("/api/plans").as("scrutiny"), 200);
            assertThat(plans.text()).contains(f.planId());
            Response diff = ok(api.get("/api/plans/" + f.planId() + "/diff?from=2013-05-01&to=2013-12-31").as("scrutiny"), 200);
            assertThat(diff.json().path("changes").isArray()).isTrue();
            assertThat(diff.json().path("changes").size()).isPositive();
            assertThat(diff.text()).doesNotContain("KT-2013-041");
            ok(api.get("/api/plans/" + f.planId() + "/timeline").as("board"), 200);
            ok(api.get("/api/plans/" + f.planId() + "/referral-statistics?financialYear=2013/14").as("board"), 200);
            eventually(() -> api.get("/api/my-actions").as("lead1"),
                    r -> r.status() == 200 && r.text().contains(f.lead1Action()));
        }

        @Test
        void unknownPlanOrActionIs404() {
            refused(api.get("/api/plans/no-such-plan/board").as("board"), 404);
            refused(api.get("/api/plans/no-such-plan/diff?from=2013-01-01&to=2014-01-01").as("scrutiny"), 404);
            refused(api.get("/api/actions/no-such-action").as("board"), 404);
        }

        @Test
        void queryParametersAreTypedAndValidated() {
            badField(api.get("/api/audit?actor=" + encode("{\"$gt\":\"\"}")).as("auditor"), "actor");
            badField(api.get("/api/audit?planId=" + encode("{\"$ne\":null}")).as("auditor"), "planId");
            badField(api.get("/api/audit?type=" + encode("{\"$regex\":\".*\"}")).as("auditor"), "type");
            badField(api.get("/api/audit?from=yesterday").as("auditor"), "from");
            badField(api.get("/api/audit?size=100000").as("auditor"), "size");
            badField(api.get("/api/audit?page=abc").as("auditor"), "page");
            // Spring's Integer conversion would decode these as hex; a page number is written in decimal
            badField(api.get("/api/audit?page=-%230").as("auditor"), "page");
            badField(api.get("/api/audit?size=0x10").as("auditor"), "size");
            assertThat(api.get("/api/audit?page=0&size=5").as("auditor").send().status()).isEqualTo(200);
            badField(api.get("/api/plans/p/board?asAt=2013-13-01").as("board"), "asAt");
            badField(api.get("/api/plans/p/diff?from=2014-01-01&to=2013-01-01").as("board"), "to");
            badField(api.get("/api/plans/p/diff?from=2014-01-01").as("board"), "to");
            badField(api.get("/api/plans/p/referral-statistics?financialYear=2013").as("board"), "financialYear");
        }

        String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    // ---- security ---------------------------------------------------------------------------------

    @Nested
    class Authentication {

        @Test
        void noCredentialsIs401() {
            Response response = refused(api.post("/api/plans").anonymous().json(planBody(unique("plan"))), 401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
            refused(api.get("/api/plans").anonymous(), 401);
        }

        @Test
        void wrongPasswordIs401() {
            refused(api.post("/api/plans").password("not-demo").json(planBody(unique("plan"))), 401);
            refused(api.post("/api/plans").as("nobody").json(planBody(unique("plan"))), 401);
        }

        @Test
        void openApiDocumentIsPublicAndDescribesErrors() {
            Response docs = ok(api.get("/v3/api-docs").anonymous(), 200);
            JsonNode paths = docs.json().path("paths");
            assertThat(paths.has("/api/plans")).isTrue();
            assertThat(paths.has("/api/actions/{actionId}/progress")).isTrue();
            JsonNode progress = paths.path("/api/actions/{actionId}/progress").path("post");
            assertThat(progress.path("requestBody").isMissingNode()).isFalse();
            assertThat(progress.path("responses").has("201")).isTrue();
            for (String status : List.of("400", "401", "403", "404", "409", "413")) {
                assertThat(progress.path("responses").path(status).path("content").has("application/problem+json"))
                        .as(status).isTrue();
            }
            JsonNode rag = paths.path("/api/actions/{actionId}/rag").path("put");
            assertThat(rag.path("parameters").findValuesAsText("name")).contains("If-Match", "X-Change-Reason")
                    .doesNotContain("change");
            ok(api.get("/swagger-ui/index.html").anonymous(), 200);
        }
    }

    @Nested
    class Imports {

        /** The first objective of the Kettering plan under a fresh plan id: small enough for this context's body limit. */
        String smallPlanFile(String planId) throws IOException {
            ObjectNode plan;
            try (InputStream in = HttpApiTest.class.getResourceAsStream("/plans/kettering-2013-2016.json")) {
                plan = (ObjectNode) ApiClient.JSON.readTree(in);
            }
            ((ObjectNode) plan.get("plan")).put("id", planId);
            ArrayNode priorities = (ArrayNode) plan.get("priorities");
            ObjectNode first = (ObjectNode) priorities.get(0);
            ArrayNode objectives = (ArrayNode) first.get("objectives");
            ObjectNode objective = (ObjectNode) objectives.get(0);
            for (JsonNode action : objective.get("actions")) {
                ((ObjectNode) action).put("id", planId + "-" + action.get("id").asText());
            }
            objectives.removeAll();
            objectives.add(objective);
            priorities.removeAll();
            priorities.add(first);
            return ApiClient.JSON.writeValueAsString(plan);
        }

        @Test
        void aPlanManagerImportsAPlanFileAndAnotherRoleMayNot() throws Exception {
            String planId = unique("imported");
            String file = smallPlanFile(planId);
            refused(api.post("/api/imports").as("board").json(file), 403);
            refused(api.post("/api/imports").as("lead1").json(file), 403);

            Response imported = ok(api.post("/api/imports").as("manager").json(file), 201);

            assertThat(imported.header("Location")).endsWith("/api/plans/" + planId);
            assertThat(imported.json().path("planId").asText()).isEqualTo(planId);
            assertThat(imported.json().path("actions").asInt()).isEqualTo(2);
            long afterFirst = storedEvents();
            ok(api.post("/api/imports").as("manager").json(file), 201);
            assertThat(storedEvents()).as("a second import of the same file").isEqualTo(afterFirst);
        }

        @Test
        void aDryRunShowsWhatWouldChangeAndStoresNothingThenAChangedFileIsRevised() throws Exception {
            String planId = unique("dryrun");
            String file = smallPlanFile(planId);
            long before = storedEvents();

            Response preview = ok(api.post("/api/imports?dryRun=true&filename=plan.json").as("manager").json(file), 200);

            assertThat(storedEvents()).as("a dry run").isEqualTo(before);
            assertThat(preview.json().path("dryRun").asBoolean()).isTrue();
            assertThat(preview.json().path("created").asInt()).isPositive();
            assertThat(preview.json().path("sent").asInt()).as("commands that would record events")
                    .isEqualTo(preview.json().path("commands").asInt());
            assertThat(preview.json().path("summary").asText()).contains("dry run, nothing stored");

            ok(api.post("/api/imports?filename=plan.json").as("manager").json(file), 201);
            String renamed = file.replace("\"title\":\"Anti-social behaviour\"", "\"title\":\"Anti-social behaviour (renamed)\"");
            assertThat(renamed).isNotEqualTo(file);
            Response revised = ok(api.post("/api/imports?filename=plan-v2.json").as("manager").json(renamed), 201);
            assertThat(revised.json().path("revisedRecords").toString()).contains("priority 'asb': title");
            assertThat(revised.json().path("created").asInt()).isZero();
        }

        @Test
        void hostileFilesAreRefusalsNeverServerErrors() {
            for (String file : new String[]{"[".repeat(10_000) + "]".repeat(10_000),
                    "{\"formatVersion\": 2, \"plan\": " + "9".repeat(20_000) + "}", "null", "[]",
                    "{\"formatVersion\": 2, \"plan\": {\"members\": [null]}, \"priorities\": [null]}"}) {
                refused(api.post("/api/imports").as("manager").json(file), 400);
            }
        }

        @Test
        void aRefusedPlanFileListsEveryProblemAndImportsNothing() throws Exception {
            String file = smallPlanFile(unique("broken"))
                    .replaceFirst("\"cadence\":\"BI_MONTHLY\"", "\"cadence\":\"WEEKLY\"")
                    .replaceFirst("\"periodEnd\":\"2016-03-31\"", "\"periodEnd\":\"2016-02-30\"");

            Response response = refused(api.post("/api/imports").as("manager").json(file), 400);

            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .contains("$.plan.cadence", "$.plan.periodEnd");
        }
    }

    @Nested
    class RoleRules {

        @Test
        void onlyPlanManagersChangeStructure() {
            Fixture f = fixture();
            for (String user : List.of("lead1", "board", "auditor", "scrutiny")) {
                refused(api.post("/api/plans").as(user).json(planBody(unique("plan"))), 403);
                refused(api.post("/api/plans/" + f.planId() + "/priorities").as(user).json(map("title", "x")), 403);
                refused(api.post("/api/plans/" + f.planId() + "/actions").as(user)
                        .json(actionBody(unique("act"), f.objectiveId(), "lead1")), 403);
                refused(api.put("/api/actions/" + f.lead1Action() + "/schedule").as(user)
                        .json(map("startDate", "2013-04-01", "endDate", "2015-01-01")), 403);
                refused(api.post("/api/actions/" + f.lead1Action() + "/funding").as(user).json(map("amountPence", 1,
                        "source", "PCC", "financialYear", "2013/14")), 403);
                refused(api.post("/api/actions/" + f.lead1Action() + "/cessation").as(user).json(map("reason", "x")), 403);
            }
        }

        @Test
        void aRoleThatMayNotCallIsToldSoBeforeAnythingAboutTheRequest() {
            Fixture f = fixture();
            refused(api.post("/api/plans").as("board").json(map("title", 42, "unknown", true)), 403);
            refused(api.put("/api/actions/" + f.lead1Action() + "/rag").as("scrutiny").header("If-Match", "\"abc\"")
                    .header("X-Change-Reason", "x".repeat(2_001)).json(map("status", "PURPLE")), 403);
        }

        @Test
        void readersNeverWrite() {
            Fixture f = fixture();
            for (String user : List.of("board", "auditor", "scrutiny")) {
                refused(api.post("/api/actions/" + f.lead1Action() + "/progress").as(user)
                        .json(map("period", "2013-06", "text", "x")), 403);
                refused(api.put("/api/actions/" + f.lead1Action() + "/rag").as(user).json(map("status", "GREEN")), 403);
                refused(api.post("/api/actions/" + f.lead1Action() + "/referrals").as(user)
                        .json(map("receivedOn", "2013-07-01", "referringAgency", "Police")), 403);
            }
        }

        @Test
        void aLeadCannotWriteToAnotherLeadsAction() {
            Fixture f = fixture();
            String other = "/api/actions/" + f.lead2Action();
            Response response = refused(api.post(other + "/progress").as("lead1")
                    .json(map("period", "2013-06", "text", "not mine")), 403);
            assertThat(response.json().path("code").asText()).isEqualTo("NOT_ACTION_LEAD");
            refused(api.put(other + "/rag").as("lead1").json(map("status", "GREEN")), 403);
            refused(api.post(other + "/spend").as("lead1").json(map("amountPence", 1, "description", "x",
                    "financialYear", "2013/14")), 403);
            refused(api.post(other + "/risks").as("lead1").json(map("description", "x", "likelihood", 1, "impact", 1)), 403);
            refused(api.post(other + "/referral-tallies").as("lead1").json(map("from", "2012-04-01",
                    "to", "2013-03-31", "count", 1, "totalCostPence", 1)), 403);
            refused(api.post(other + "/referrals").as("lead1")
                    .json(map("receivedOn", "2013-07-01", "referringAgency", "Police")), 403);
            String noteId = progress(f.lead2Action(), "lead2");
            refused(api.post(other + "/progress/" + noteId + "/withdrawal").as("lead1").json(map("reason", "x")), 403);
            // ...but lead2 and the manager may.
            progress(f.lead2Action(), "manager");
        }

        @Test
        void aLeadCannotDecideAnotherLeadsReferral() {
            Fixture f = fixture();
            String referralId = unique("ref");
            ok(api.post("/api/actions/" + f.lead2Action() + "/referrals").as("lead2")
                    .json(map("id", referralId, "receivedOn", "2013-07-01", "referringAgency", "Police")), 201);
            // Answered exactly as for a case that does not exist: the case and its action are not confirmed.
            Response hidden = refused(api.post("/api/referrals/" + referralId + "/acceptance").as("lead1"), 404);
            Response unknown = refused(api.post("/api/referrals/no-such-case/acceptance").as("lead1"), 404);
            assertThat(hidden.json().path("type")).isEqualTo(unknown.json().path("type"));
            assertThat(hidden.text()).doesNotContain(f.lead2Action());
            refused(api.post("/api/referrals/" + referralId + "/decline").as("lead1").json(map("reason", "x")), 404);
            ok(api.post("/api/referrals/" + referralId + "/acceptance").as("lead2"), 200);
        }

        @Test
        void auditTrailOnlyForAuditorsAndManagers() {
            for (String user : List.of("lead1", "board", "scrutiny")) {
                refused(api.get("/api/audit").as(user), 403);
            }
        }

        @Test
        void pagesForSomeRolesShowTheNotAllowedPage() {
            Fixture f = fixture();
            for (String page : List.of("/audit", "/audit.csv", "/actions/" + f.lead1Action() + "/record")) {
                Response response = api.get(page).as("board").send();
                assertThat(response.status()).as(page + " " + response).isEqualTo(403);
                assertThat(response.text()).as(page).contains("Not allowed").doesNotContain("problem+json");
            }
            assertThat(api.get("/audit").as("auditor").send().status()).isEqualTo(200);
        }

        @Test
        void unsupportedMethodsAreRefused() {
            Fixture f = fixture();
            // Roles are declared on handler methods, so a request no handler serves is refused alike for every
            // role (before, a non-manager got 403 from a path rule and a manager this 404).
            refused(api.delete("/api/plans/" + f.planId()).as("lead1"), 404);
            refused(api.delete("/api/plans/" + f.planId()).as("manager"), 404);
        }
    }
}
