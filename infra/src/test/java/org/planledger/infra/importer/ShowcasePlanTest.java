package org.planledger.infra.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.LabelPlanFictional;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fictional showcase, Example Borough, as a visitor to the demo finds it: written once on the first start
 * with an empty store, beside the real plans, labelled fictional in the API and on the pages, and showing
 * three years of what the product keeps. One application for the class; the restart comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShowcasePlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = ShowcasePlan.PLAN_ID;

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static long showcaseEvents;
    static long allEvents;

    @BeforeAll
    static void firstStart() throws InterruptedException {
        application = start();
        showcaseEvents = showcaseEventCount(application);
        allEvents = eventCount(application);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    @Order(1)
    void theSameScriptIsWrittenEveryTimeAsTheRightPeopleWithinThePlansYears() {
        List<ShowcasePlan.Step> steps = ShowcasePlan.steps();
        assertThat(ShowcasePlan.steps()).as("fixed seed and dates: the same plan every first start").isEqualTo(steps);
        assertThat(steps.get(0).command()).as("drafted first").isInstanceOf(org.planledger.command.api.DraftPlan.class);
        assertThat(steps.get(1).command()).isEqualTo(new LabelPlanFictional(PLAN, ShowcasePlan.FICTION_NOTE, null));
        assertThat(steps).extracting(ShowcasePlan.Step::actor).contains("manager2", "lead1", "lead2", "exb-jordan",
                "exb-riley", "exb-sam");
        assertThat(steps).extracting(ShowcasePlan.Step::on).isSorted();
        assertThat(showcaseEvents).as("the showcase's streams hold its events").isGreaterThan(steps.size());
    }

    @Test
    @Order(2)
    void thePlanIsLabelledFictionalInTheApiAndTheRealPlansAreNot() throws Exception {
        JsonNode plans = get("/api/plans", "board").json();
        JsonNode showcase = find(plans.get("plans"), "planId", PLAN);
        assertThat(showcase.get("partnership").asText()).isEqualTo("Example Borough Community Safety Partnership");
        assertThat(showcase.get("fictional").asBoolean()).isTrue();
        assertThat(find(plans.get("plans"), "planId", "kettering-csp-2013-2016").get("fictional").asBoolean())
                .as("a real partnership's plan is never labelled fictional").isFalse();

        JsonNode board = board();
        assertThat(board.get("fictional").asBoolean()).isTrue();
        assertThat(board.get("fictionNote").asText()).contains("invented partnership");
        JsonNode asThen = get("/api/plans/" + PLAN + "/board?asAt=2022-06-30", "scrutiny").json();
        assertThat(asThen.get("fictional").asBoolean()).as("a replay at any date carries the label").isTrue();
    }

    @Test
    @Order(3)
    void theBoardShowsEveryRagColourCompletedAndCeasedActionsARetiredAndAnAddedPriority() throws Exception {
        JsonNode board = board();
        JsonNode rag = board.get("rag");
        assertThat(rag.get("red").asInt()).isPositive();
        assertThat(rag.get("amber").asInt()).isPositive();
        assertThat(rag.get("green").asInt()).isPositive();
        List<JsonNode> actions = actions(board);
        assertThat(actions).extracting(a -> a.get("status").asText()).contains("OPEN", "COMPLETED", "CEASED");
        assertThat(actions).as("a rating keeps its reason").filteredOn(a -> "RED".equals(a.get("rag").asText()))
                .allSatisfy(a -> assertThat(a.get("ragReason").asText()).isNotBlank());
        assertThat(actions).flatExtracting(a -> StreamSupport.stream(a.get("leads").spliterator(), false)
                .map(l -> l.get("userId").asText()).toList()).contains("lead1", "lead2");
        List<String> retired = new ArrayList<>();
        board.get("priorities").forEach(p -> {
            if (p.get("retired").asBoolean()) {
                retired.add(p.get("title").asText());
            }
        });
        assertThat(retired).containsExactly("Public confidence");
        assertThat(get("/api/plans/" + PLAN + "/board?asAt=2023-03-31", "scrutiny").json().get("priorities"))
                .as("exploitation came in at the 2023 refresh").extracting(p -> p.get("title").asText())
                .doesNotContain("Exploitation and county lines");
        assertThat(board.get("priorities")).extracting(p -> p.get("title").asText()).contains("Exploitation and county lines");
        JsonNode timeline = get("/api/plans/" + PLAN + "/timeline", "scrutiny").json();
        assertThat(timeline.toString()).contains("2023 strategic assessment", "2024 strategic assessment");
    }

    @Test
    @Order(4)
    void sixBoardMeetingsAYearForThreeYears() {
        assertThat(ShowcasePlan.boardMeetings()).hasSize(18)
                .allSatisfy(day -> assertThat(day).isBetween(ShowcasePlan.START, ShowcasePlan.END));
    }

    @Test
    @Order(5)
    void readingsCarryCostsARelativeTargetAndASeriesBreak() throws Exception {
        JsonNode violence = indicator(board(), "exb-violence-injury");
        assertThat(violence.get("readingCount").asInt()).isEqualTo(12);
        assertThat(violence.get("latestReading").get("costPence").asLong()).isPositive();
        assertThat(violence.get("target").get("kind").asText()).isEqualTo("PERCENT_CHANGE");
        JsonNode firstOnTheNewBasis = indicator(get("/api/plans/" + PLAN + "/board?asAt=2023-06-30", "scrutiny").json(),
                "exb-violence-injury");
        assertThat(firstOnTheNewBasis.get("latestReading").get("period").asText()).isEqualTo("2023/24 Q1");
        assertThat(firstOnTheNewBasis.path("previousReading").isNull()
                || firstOnTheNewBasis.path("previousReading").isMissingNode()).as("never compared across the series break")
                .isTrue();
        JsonNode change = get("/api/plans/" + PLAN + "/diff?from=2023-03-01&to=2023-04-30", "scrutiny").json();
        assertThat(change.toString()).contains("SERIES_BROKEN").contains("new crime recording system");
    }

    @Test
    @Order(6)
    void referralStatisticsCountDeclinedAndClosedCasesWithCosts() throws Exception {
        JsonNode statistics = get("/api/plans/" + PLAN + "/referral-statistics?financialYear=2023/24", "board").json();
        JsonNode safeAtHome = find(statistics.get("actions"), "actionId", "exb-asb-safe-home");
        JsonNode counts = safeAtHome.get("counts");
        assertThat(counts.get("received").asInt()).isGreaterThan(10);
        assertThat(counts.get("declined").asInt()).isPositive();
        assertThat(counts.get("closed").asInt()).isPositive();
        assertThat(counts.get("totalCostPence").asLong()).isPositive();
        assertThat(find(statistics.get("actions"), "actionId", "exb-exp-diversion").get("counts").get("closed").asInt())
                .isPositive();
        JsonNode history = get("/api/actions/exb-asb-safe-home", "manager").json();
        assertThat(history.get("referrals").get(0).get("subjectRef").asText()).as("plainly fictional references")
                .matches("EX-\\d{4}");
    }

    @Test
    @Order(7)
    void notesWereCorrectedAndWithdrawnWithReasonsByTheirLeads() throws Exception {
        JsonNode hotspots = get("/api/actions/exb-asb-hotspots", "auditor").json();
        JsonNode corrected = find(hotspots.get("notes"), "noteId", "exb-asb-hotspots.n04");
        assertThat(corrected.get("corrections")).hasSize(1);
        assertThat(corrected.get("text").asText()).isNotEqualTo(corrected.get("originalText").asText());
        assertThat(corrected.get("recordedBy").asText()).isEqualTo("lead1");
        JsonNode withdrawn = find(get("/api/actions/exb-asb-victims", "auditor").json().get("notes"), "noteId",
                "exb-asb-victims.n06");
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("withdrawal").get("reason").asText()).contains("wrong action");
    }

    @Test
    @Order(8)
    void everyPageAboutThePlanSaysItIsFictional() throws Exception {
        for (String page : List.of("/plans/" + PLAN, "/plans/" + PLAN + "/replay?asAt=2023-07-31",
                "/plans/" + PLAN + "/charts", "/actions/exb-asb-hotspots")) {
            assertThat(get(page, "board").text()).as(page).contains("Fictional example plan")
                    .contains("invented partnership");
        }
        assertThat(get("/plans", "board").text()).contains("Fictional example");
        String leadsPlans = get("/plans", "lead1").text();
        String actionsYouLead = leadsPlans.substring(leadsPlans.indexOf("id=\"my-actions\""));
        assertThat(actionsYouLead).as("lead1's showcase actions are marked in 'Actions you lead'")
                .contains("Joint patrols and problem-solving").contains("Fictional example");
        assertThat(get("/audit?planId=" + PLAN, "auditor").text()).as("its audit entries are marked")
                .contains("Fictional example plan");
        assertThat(get("/audit?planId=kettering-csp-2013-2016", "auditor").text())
                .doesNotContain("Fictional example plan");
        assertThat(get("/plans/kettering-csp-2013-2016", "board").text()).as("never on a real plan")
                .doesNotContain("Fictional example plan");
    }

    @Test
    @Order(99)
    void aSecondStartAddsNothing() throws InterruptedException {
        application.close();
        application = null;
        try (ConfigurableApplicationContext second = start()) {
            assertThat(eventCount(second)).isEqualTo(allEvents);
            assertThat(showcaseEventCount(second)).isEqualTo(showcaseEvents);
        }
    }

    // ---- helpers

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true");
    }

    private static long eventCount(ConfigurableApplicationContext application) {
        return application.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static long showcaseEventCount(ConfigurableApplicationContext application) {
        return application.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from domain_event_entry where aggregateIdentifier like 'exb-%'", Long.class);
    }

    private static JsonNode board() throws Exception {
        return get("/api/plans/" + PLAN + "/board", "board").json();
    }

    private static List<JsonNode> actions(JsonNode board) {
        List<JsonNode> actions = new ArrayList<>();
        board.get("priorities").forEach(p -> p.get("objectives").forEach(o -> o.get("actions").forEach(actions::add)));
        return actions;
    }

    private static JsonNode indicator(JsonNode board, String indicatorId) {
        List<JsonNode> found = new ArrayList<>();
        board.get("priorities").forEach(p -> p.get("objectives").forEach(o -> o.get("indicators").forEach(i -> {
            if (i.get("indicatorId").asText().equals(indicatorId)) {
                found.add(i);
            }
        })));
        assertThat(found).as(indicatorId).hasSize(1);
        return found.get(0);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.get(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " '" + value + "' in " + list);
    }

    private record Page(int status, String text) {
        JsonNode json() throws IOException {
            assertThat(status).as(text).isEqualTo(200);
            return JSON.readTree(text);
        }
    }

    private static Page get(String path, String user) throws IOException, InterruptedException {
        int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return new Page(response.statusCode(), response.body());
        }
    }
}
