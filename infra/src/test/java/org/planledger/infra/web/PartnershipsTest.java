package org.planledger.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.infra.web.ApiClient.Call;
import org.planledger.infra.web.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two partnerships side by side in one ledger (issue 20, docs/partnerships.md): Kettering and Corby
 * each have a plan with the same title, the same action titles and the same person (jsmith) named as
 * lead, and a referral case each. People with roles in one partnership (from a users file, beside the
 * demo users) must find the other's plan, actions and cases unknown (404, exactly as an id that never
 * existed), see only their own plans in lists and the audit trail, and read (never write) a plan
 * only once it is shared with them. The county analyst sees both partnerships' figures, without a
 * subject reference or a note.
 */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipsTest {

    static final String KETTERING = "kettering-borough";
    static final String CORBY = "corby";

    /**
     * Made here rather than by @TempDir: with one test instance for the class (the two partnerships are
     * built once), Spring starts before JUnit would fill a static @TempDir.
     */
    static final Path dataDir = temporaryDirectory();

    static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("partnerships-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** People who hold roles in one partnership only; password "demo". jsmith leads actions in both plans. */
    static Path usersFile() {
        String hash = new BCryptPasswordEncoder(4).encode("demo");
        List<String> lines = List.of(
                "kmanager:" + hash + ":PLAN_MANAGER@" + KETTERING,
                "cmanager:" + hash + ":PLAN_MANAGER@" + CORBY,
                "kboard:" + hash + ":BOARD@" + KETTERING,
                "cboard:" + hash + ":BOARD@" + CORBY,
                "kauditor:" + hash + ":AUDITOR@" + KETTERING,
                "jsmith:" + hash + ":DELIVERY_LEAD@" + KETTERING,
                "both:" + hash + ":SCRUTINY@" + KETTERING + ",SCRUTINY@" + CORBY);
        try {
            Path file = dataDir.resolve("users.txt");
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", () -> dataDir.toString());
        registry.add("planledger.security.users-file", () -> usersFile().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext application;

    ApiClient api;

    /** One partnership's plan, its action led by jsmith, and a referral case on it. */
    record Side(String planId, String actionId, String referralId, String subjectRef) {
    }

    Side kettering;
    Side corby;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @BeforeAll
    void twoPartnerships() throws Exception {
        api = new ApiClient(port);
        kettering = side("Kettering Borough Community Safety Partnership", null, 1100, "KT-7001");
        // Corby's id is given outright rather than derived from its name
        corby = side("Corby Community Safety Partnership", CORBY, 900, "CB-7002");
        ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
    }

    /** The same plan title, action title, lead and measure name in each partnership; drafted by the all-partnership manager. */
    Side side(String partnership, String partnershipId, int burglaries, String subject) {
        String planId = unique("plan");
        Map<String, Object> draft = map("id", planId, "partnership", partnership, "title", "Community Safety Plan 2024-2027",
                "periodStart", "2024-04-01", "periodEnd", "2027-03-31", "cadence", "QUARTERLY", "effectiveOn", "2024-04-01");
        if (partnershipId != null) {
            draft.put("partnershipId", partnershipId);
        }
        ok(api.post("/api/plans").json(draft), 201);
        ok(api.post("/api/plans/" + planId + "/priorities").json(map("id", "asb", "title", "ASB")), 201);
        ok(api.post("/api/plans/" + planId + "/objectives").json(map("id", "asb-1", "priorityId", "asb", "title", "Reduce ASB")), 201);
        ok(api.post("/api/plans/" + planId + "/indicators").json(map("id", "burglary", "objectiveId", "asb-1",
                "name", "Domestic burglary", "unit", "COUNT", "direction", "REDUCE",
                "target", map("kind", "PERCENT_CHANGE", "value", 5, "text", "5% reduction"))), 201);
        ok(api.post("/api/plans/" + planId + "/indicators/burglary/readings").json(map("value", burglaries, "period", "2024/25 Q1")), 200);
        String actionId = unique("act");
        ok(api.post("/api/plans/" + planId + "/actions").json(map("id", actionId, "objectiveId", "asb-1",
                "title", "Target hardening", "leads", List.of(map("name", "J Smith", "userId", "jsmith")),
                "startDate", "2024-04-01", "endDate", "2027-03-31")), 201);
        ok(api.post("/api/actions/" + actionId + "/progress").json(map("period", "2025-06",
                "text", "Private note about case work in " + partnership)), 201);
        String referralId = unique("ref");
        ok(api.post("/api/actions/" + actionId + "/referrals").json(map("id", referralId, "receivedOn", "2025-07-02",
                "referringAgency", "Police", "subjectRef", subject, "reason", "Repeat victim of burglary")), 201);
        return new Side(planId, actionId, referralId, subject);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    Response ok(Call call, int status) {
        Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /**
     * 404 as problem+json, reading exactly as the answer for an id that never existed (the id aside),
     * and nothing stored.
     */
    void unknownTo(String user, Call call, String path, String neverExisted) {
        unknownTo(user, call, path, api.get(neverExisted));
    }

    void unknownTo(String user, Call call, String path, Call neverExisted) {
        long before = storedEvents();
        Response response = call.as(user).send();
        assertThat(response.status()).as(user + " " + path + ": " + response).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(storedEvents()).as("events stored by a refused request").isEqualTo(before);
        Response unknown = neverExisted.as(user).send();
        assertThat(unknown.status()).as("never existed: " + unknown).isEqualTo(404);
        JsonNode problem = response.json();
        JsonNode unknownProblem = unknown.json();
        assertThat(problem.path("type").asText()).isEqualTo(unknownProblem.path("type").asText());
        assertThat(problem.path("title").asText()).isEqualTo(unknownProblem.path("title").asText());
    }

    List<String> planIds(String user) {
        List<String> ids = new ArrayList<>();
        ok(api.get("/api/plans").as(user), 200).json().path("plans").forEach(plan -> ids.add(plan.path("planId").asText()));
        return ids;
    }

    // ---- the tests --------------------------------------------------------------------------------

    @Test
    void aManagerOfOnePartnershipCannotReadOrWriteTheOthersPlan() {
        unknownTo("kmanager", api.get("/api/plans/" + corby.planId() + "/board"), "board", "/api/plans/no-such-plan/board");
        unknownTo("kmanager", api.get("/api/plans/" + corby.planId() + "/timeline"), "timeline", "/api/plans/no-such-plan/timeline");
        unknownTo("kmanager", api.post("/api/plans/" + corby.planId() + "/priorities").json(map("title", "Violence")),
                "add priority", "/api/plans/no-such-plan/board");
        unknownTo("kmanager", api.get("/api/actions/" + corby.actionId()), "action", "/api/actions/no-such-action");
        unknownTo("kmanager", api.post("/api/actions/" + corby.actionId() + "/cessation").json(map("reason", "not ours")),
                "cease", "/api/actions/no-such-action");
        unknownTo("kmanager", api.post("/api/referrals/" + corby.referralId() + "/decline").json(map("reason", "no")),
                "decline", api.post("/api/referrals/no-such-referral/decline").json(map("reason", "no")));
        // their own partnership's plan, the same title: as before
        ok(api.get("/api/plans/" + kettering.planId() + "/board").as("kmanager"), 200);
        ok(api.post("/api/plans/" + kettering.planId() + "/priorities").as("kmanager").json(map("title", "Violence")), 201);
        // and the other way round
        unknownTo("cmanager", api.get("/api/plans/" + kettering.planId() + "/board"), "board", "/api/plans/no-such-plan/board");
        // drafting a plan in a partnership they do not manage is refused outright (it names no existing plan)
        Response draft = api.post("/api/plans").as("kmanager").json(map("id", unique("plan"), "partnership",
                "Corby Community Safety Partnership", "partnershipId", CORBY, "title", "T", "periodStart", "2024-04-01",
                "periodEnd", "2027-03-31", "cadence", "QUARTERLY")).send();
        assertThat(draft.status()).as(draft.toString()).isEqualTo(403);
        // the showcase's manager manages the showcase partnership only
        unknownTo("manager2", api.get("/api/plans/" + kettering.planId() + "/board"), "board", "/api/plans/no-such-plan/board");
        String example = unique("example");
        ok(api.post("/api/plans").as("manager2").json(map("id", example, "partnership",
                "Example Borough Community Safety Partnership", "title", "T", "periodStart", "2024-04-01",
                "periodEnd", "2027-03-31", "cadence", "QUARTERLY")), 201);
        ok(api.post("/api/plans/" + example + "/priorities").as("manager2").json(map("title", "Violence")), 201);
        // the add-action form offers as leads only those who may lead in the plan's partnership
        String form = pageBody("kmanager", "/plans/" + kettering.planId() + "/manage/add-action?objectiveId=asb-1");
        assertThat(form).contains("value=\"jsmith\"").doesNotContain("value=\"cmanager\"");
        // the pages too: another partnership's board is "not found"
        assertThat(pageStatus("kmanager", "/plans/" + corby.planId())).isEqualTo(404);
        assertThat(pageStatus("kmanager", "/plans/" + kettering.planId())).isEqualTo(200);
    }

    @Test
    void aBoardMemberOfOnePartnershipSeesOnlyItsPlansInListsAndTheAuditTrail() {
        assertThat(planIds("kboard")).contains(kettering.planId()).doesNotContain(corby.planId());
        assertThat(planIds("cboard")).contains(corby.planId()).doesNotContain(kettering.planId());
        assertThat(planIds("both")).contains(kettering.planId(), corby.planId());
        // the demo users hold their roles in every partnership, as before partnerships
        assertThat(planIds("board")).contains(kettering.planId(), corby.planId());

        JsonNode audit = ok(api.get("/api/audit?size=200").as("kauditor"), 200).json();
        assertThat(audit.path("entries").size()).isGreaterThan(0);
        audit.path("entries").forEach(entry -> assertThat(entry.path("planId").asText()).isNotEqualTo(corby.planId()));
        assertThat(ok(api.get("/api/audit?planId=" + corby.planId()).as("kauditor"), 200).json().path("entries").size()).isZero();
        assertThat(ok(api.get("/api/audit?planId=" + corby.planId()).as("auditor"), 200).json().path("entries").size()).isPositive();
        // the audit page and its CSV: the other partnership's plan is not among its entries
        String csv = pageBody("kauditor", "/audit.csv");
        assertThat(csv).contains(kettering.planId()).doesNotContain(corby.planId());
        // the plans page lists only their partnership's plan
        String plans = pageBody("kboard", "/plans");
        assertThat(plans).contains(kettering.planId()).doesNotContain(corby.planId());
    }

    @Test
    void aLeadNamedOnTheOtherPartnershipsActionFindsItUnknown() {
        unknownTo("jsmith", api.post("/api/actions/" + corby.actionId() + "/progress").json(map("period", "2025-09",
                "text", "Not my partnership")), "progress", "/api/actions/no-such-action");
        unknownTo("jsmith", api.get("/api/actions/" + corby.actionId()), "action", "/api/actions/no-such-action");
        ok(api.post("/api/actions/" + kettering.actionId() + "/progress").as("jsmith")
                .json(map("period", "2025-09", "text", "Locks fitted")), 201);
        JsonNode mine = ok(api.get("/api/my-actions").as("jsmith"), 200).json().path("actions");
        List<String> actions = new ArrayList<>();
        mine.forEach(action -> actions.add(action.path("actionId").asText()));
        assertThat(actions).contains(kettering.actionId()).doesNotContain(corby.actionId());
        // a delivery lead page about the other partnership's action: not found
        assertThat(pageStatus("jsmith", "/actions/" + corby.actionId() + "/record")).isEqualTo(404);
    }

    @Test
    void aShareMakesOnePlanReadableButNotWritableAndWithdrawingItEndsThat() throws Exception {
        String board = "/api/plans/" + corby.planId() + "/board";
        unknownTo("kboard", api.get(board), "board", "/api/plans/no-such-plan/board");
        // only the owning partnership's manager may share it; to anyone else it is still unknown
        unknownTo("kmanager", api.post("/api/plans/" + corby.planId() + "/shares").json(map("withPartnershipId", KETTERING)),
                "share", "/api/plans/no-such-plan/board");
        ok(api.post("/api/plans/" + corby.planId() + "/shares").as("cmanager")
                .json(map("withPartnershipId", KETTERING, "reason", "joint burglary priority")), 200);

        ok(api.get(board).as("kboard"), 200);
        assertThat(planIds("kboard")).contains(corby.planId(), kettering.planId());
        // read as a board member reads: the action's history without its case's subject
        Response history = ok(api.get("/api/actions/" + corby.actionId()).as("kmanager"), 200);
        assertThat(history.text()).doesNotContain(corby.subjectRef());
        // never written
        unknownTo("kmanager", api.post("/api/plans/" + corby.planId() + "/priorities").json(map("title", "Violence")),
                "add priority", "/api/plans/no-such-plan/board");
        unknownTo("kmanager", api.post("/api/actions/" + corby.actionId() + "/cessation").json(map("reason", "x")),
                "cease", "/api/actions/no-such-action");
        unknownTo("jsmith", api.post("/api/actions/" + corby.actionId() + "/progress").json(map("period", "2025-09",
                "text", "Shared is not mine")), "progress", "/api/actions/no-such-action");
        // the share is in the audit trail, with a plain label on the page
        ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
        JsonNode shared = ok(api.get("/api/audit?planId=" + corby.planId() + "&type=PlanShared").as("auditor"), 200).json();
        assertThat(shared.path("entries").size()).isEqualTo(1);
        assertThat(shared.path("entries").get(0).path("actor").asText()).isEqualTo("cmanager");
        assertThat(pageBody("auditor", "/audit?planId=" + corby.planId())).contains("Plan shared with another partnership");

        ok(api.post("/api/plans/" + corby.planId() + "/shares/" + KETTERING + "/withdrawal").as("cmanager")
                .json(map("reason", "priority ended")), 200);
        unknownTo("kboard", api.get(board), "board", "/api/plans/no-such-plan/board");
        assertThat(planIds("kboard")).doesNotContain(corby.planId());
        // withdrawing a share that does not stand names the field
        Response again = api.post("/api/plans/" + corby.planId() + "/shares/" + KETTERING + "/withdrawal").as("cmanager").send();
        assertThat(again.status()).as(again.toString()).isEqualTo(400);
        assertThat(again.json().path("field").asText()).isEqualTo("withPartnershipId");
    }

    @Test
    void theCountyAnalystSeesBothPartnershipsFiguresWithoutSubjectData() throws Exception {
        ReadModels.awaitCaughtUp(application, Duration.ofMinutes(1));
        Response county = ok(api.get("/api/county/figures?financialYear=2025/26").as("county"), 200);
        JsonNode figures = county.json();
        // without a year: today's financial year while a plan in view still runs (this test's run to 2027)
        JsonNode byDefault = ok(api.get("/api/county/figures").as("county"), 200).json();
        assertThat(byDefault.path("financialYear").asText())
                .isEqualTo(org.planledger.events.FinancialYear.containing(org.planledger.infra.query.QueryParameters.today()).toString());
        List<String> partnerships = new ArrayList<>();
        figures.path("partnerships").forEach(p -> partnerships.add(p.path("partnershipId").asText()));
        assertThat(partnerships).contains(KETTERING, CORBY);
        for (JsonNode partnership : figures.path("partnerships")) {
            if (List.of(KETTERING, CORBY).contains(partnership.path("partnershipId").asText())) {
                assertThat(partnership.path("referrals").path("received").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(partnership.path("plans").asInt()).isGreaterThanOrEqualTo(1);
            }
        }
        // the shared measure side by side: both partnerships' latest burglary figures
        JsonNode burglary = null;
        for (JsonNode measure : figures.path("sharedMeasures")) {
            if (measure.path("name").asText().equals("Domestic burglary")) {
                burglary = measure;
            }
        }
        assertThat(burglary).as(county.text()).isNotNull();
        List<String> values = new ArrayList<>();
        burglary.path("figures").forEach(f -> values.add(f.path("partnershipId").asText() + "=" + f.path("value").asInt()));
        assertThat(values).contains(KETTERING + "=1100", CORBY + "=900");
        // no subject, no reason, no note
        assertThat(county.text()).doesNotContain(kettering.subjectRef()).doesNotContain(corby.subjectRef())
                .doesNotContain("Repeat victim").doesNotContain("Private note").doesNotContain("subjectRef");
        // the same as a page
        String page = pageBody("county", "/county");
        assertThat(page).contains("Corby Community Safety Partnership", "Kettering Borough Community Safety Partnership",
                "Domestic burglary").doesNotContain(kettering.subjectRef()).doesNotContain(corby.subjectRef())
                .doesNotContain("Repeat victim").doesNotContain("Private note");
        assertThat(pageStatus("board", "/county")).isEqualTo(403);
        // and nothing of any one plan: the county analyst holds no partnership role
        assertThat(api.get("/api/plans/" + kettering.planId() + "/board").as("county").send().status()).isEqualTo(403);
        assertThat(api.get("/api/county/figures").as("board").send().status()).isEqualTo(403);
    }

    /** The Kettering plan file imported a second time as Corby's plan, under another id, by Corby's manager only. */
    @Test
    void aPlanFileMayNameThePartnershipItsPlanBelongsTo() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode file = (com.fasterxml.jackson.databind.node.ObjectNode) ApiClient.JSON.readTree(
                new org.springframework.core.io.ClassPathResource("plans/kettering-2013-2016.json").getInputStream());
        String planId = unique("corby-2013");
        ((com.fasterxml.jackson.databind.node.ObjectNode) file.path("plan")).put("id", planId)
                .put("partnership", "Corby Community Safety Partnership").put("partnershipId", CORBY);
        Response refused = api.post("/api/imports").as("kmanager").json(file.toString()).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        ok(api.post("/api/imports").as("cmanager").json(file.toString()), 201);
        // the 201 says the import is stored; the read models follow a moment behind (the import commits in batches)
        ApiClient.eventually(() -> api.get("/api/plans/" + planId + "/timeline").as("cboard"), r -> r.status() == 200);
        unknownTo("kboard", api.get("/api/plans/" + planId + "/timeline"), "timeline", "/api/plans/no-such-plan/timeline");
        // the same file again from Kettering's manager: the plan is unknown to them
        unknownTo("kmanager", api.post("/api/imports").json(file.toString()), "re-import", "/api/plans/no-such-plan/timeline");
    }

    /** The live board's event stream is bounded like every plan page: another partnership's plan is not found. */
    @Test
    void theLiveBoardStreamOfAnotherPartnershipsPlanIsNotFound() {
        assertThat(pageStatus("kboard", "/plans/" + corby.planId() + "/live")).isEqualTo(404);
    }

    /** The running application's event store reads a revision-1 PlanDrafted with the derived id (the upcaster is wired). */
    @Test
    void theEventStoreReadsARevisionOnePlanDraftedWithItsPartnershipId() {
        org.axonframework.serialization.upcasting.event.EventUpcaster chain =
                application.getBean(org.axonframework.config.Configuration.class).upcasterChain();
        org.axonframework.serialization.Serializer serializer =
                application.getBean(org.axonframework.config.Configuration.class).eventSerializer();
        String revision1 = "{\"planId\":\"old-plan\",\"partnership\":\"Example Borough Community Safety Partnership\","
                + "\"title\":\"Plan\",\"periodStart\":\"2013-04-01\",\"periodEnd\":\"2016-03-31\",\"cadence\":\"QUARTERLY\","
                + "\"effectiveOn\":\"2013-04-01\"}";
        org.axonframework.eventhandling.GenericDomainEventEntry<byte[]> stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>(
                "Plan", "old-plan", 0, "event-1", java.time.Instant.parse("2013-04-01T09:00:00Z"),
                org.planledger.events.PlanDrafted.class.getName(), "1", revision1.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<Object> read = chain.upcast(java.util.stream.Stream.of(
                        new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(stored, serializer)))
                .map(representation -> (Object) serializer.deserialize(representation.getData())).toList();
        assertThat(read).singleElement().extracting("partnershipId").isEqualTo("example-borough");
    }

    // ---- pages over a browser's session -------------------------------------------------------------

    java.net.http.HttpResponse<String> page(String user, String path) {
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int pageStatus(String user, String path) {
        return page(user, path).statusCode();
    }

    String pageBody(String user, String path) {
        java.net.http.HttpResponse<String> response = page(user, path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }
}
