package org.planledger.infra.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planledger.infra.privacy.PrivacyScenario.*;

/**
 * Data protection on the embedded store (docs/data-protection.md), end to end over HTTP: personal
 * fields never reach the disk in clear (raw H2 files scanned, with a control string that must be
 * found), are revealed to those who may see them, are logged when viewed, are erased on request and
 * by retention while every figure stays, and a rebuild of every read model from the events gives
 * the same answers. One application, steps in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataProtectionTest {

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext application;
    static PrivacyScenario scenario;
    static Map<String, String> figuresBeforeErasure;
    static String historyAfterErasure;
    static Map<String, String> figuresAfterErasure;

    static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--planledger.data-dir=" + dataDir, "--server.port=0",
                "--planledger.privacy.retention.period=P1Y"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run(args.toArray(String[]::new));
    }

    @BeforeAll
    static void record() throws Exception {
        application = start();
        scenario = new PrivacyScenario(application);
        scenario.recordCases();
        scenario.awaitReadModels();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    @Order(1)
    void authorisedReadersSeeTheClearFieldsAndBoardReadersNeverSeeTheReference() {
        String history = scenario.get("/api/actions/" + ACTION, "lead1").text();
        assertThat(history).contains(ERASED_SUBJECT, KEPT_SUBJECT, ERASED_REASON, ERASED_OUTCOME, ERASED_DECLINE)
                .doesNotContain("pl-enc");
        String board = scenario.get("/api/actions/" + ACTION, "board").text();
        assertThat(board).doesNotContain(ERASED_SUBJECT).doesNotContain(KEPT_SUBJECT).doesNotContain("pl-enc")
                .contains(ERASED_OUTCOME); // free text stays visible to the board, as before encryption
        String audit = scenario.get("/api/audit?planId=" + PLAN + "&size=100", "auditor").text();
        assertThat(audit).contains(ERASED_DECLINE).doesNotContain("pl-enc");
    }

    @Test
    @Order(2)
    void subjectAccessListsEveryCaseAndEventOfTheSubject() {
        JsonNode access = scenario.get("/api/subjects/" + ERASED_SUBJECT, "auditor").json();
        assertThat(access.path("erased").asBoolean()).isFalse();
        assertThat(access.path("referrals")).hasSize(2);
        assertThat(access.path("referrals").get(0).path("referralId").asText()).isEqualTo("case-erased-1");
        assertThat(access.path("referrals").get(1).path("referralId").asText()).isEqualTo("case-erased-2");
        assertThat(access.path("referrals").get(0).path("events")).hasSize(3); // recorded, accepted, closed
        assertThat(access.toString()).contains(ERASED_SUBJECT, ERASED_REASON, ERASED_OUTCOME, ERASED_DECLINE)
                .doesNotContain(KEPT_SUBJECT);
        assertThat(scenario.call("GET", "/api/subjects/" + ERASED_SUBJECT, "board", null).status()).isEqualTo(403);
        assertThat(scenario.call("GET", "/api/subjects/nobody-known", "manager", null).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void everyViewOfSubjectDataIsLoggedForAuditorsWithThePageNotThePath() {
        scenario.get("/api/actions/" + ACTION, "lead1");
        String page = scenario.get("/actions/" + ACTION, "manager").text();
        assertThat(page).contains(KEPT_SUBJECT);
        JsonNode views = scenario.get("/api/audit/subject-views?referralId=case-kept", "auditor").json();
        assertThat(views.findValuesAsText("page")).contains("GET /api/actions/{actionId}", "GET /actions/{actionId}");
        assertThat(views.findValuesAsText("channel")).contains("api", "page");
        assertThat(views.findValuesAsText("viewer")).contains("lead1", "manager");
        JsonNode subjectViews = scenario.get("/api/audit/subject-views?referralId=case-erased-1", "auditor").json();
        assertThat(subjectViews.findValuesAsText("page")).contains("GET /api/subjects/{subjectRef}");
        assertThat(subjectViews.toString()).doesNotContain(ERASED_SUBJECT);
        assertThat(scenario.call("GET", "/api/audit/subject-views", "manager", null).status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void erasureShredsTheSubjectAndKeepsEveryFigureAndTheChain() throws Exception {
        figuresBeforeErasure = scenario.figures();
        assertThat(scenario.call("POST", "/api/subjects/" + ERASED_SUBJECT + "/erasure", "manager", Map.of()).status())
                .as("a reason is required").isEqualTo(400);
        assertThat(scenario.call("POST", "/api/subjects/" + ERASED_SUBJECT + "/erasure", "lead1",
                Map.of("reason", "subject's request")).status()).isEqualTo(403);
        JsonNode erased = scenario.ok("POST", "/api/subjects/" + ERASED_SUBJECT + "/erasure", "manager",
                Map.of("reason", "subject's request of 3 December")).json();
        assertThat(erased.path("cases").asInt()).isEqualTo(2);
        assertThat(scenario.call("POST", "/api/subjects/" + ERASED_SUBJECT + "/erasure", "manager",
                Map.of("reason", "again")).status()).as("nothing left to erase").isEqualTo(404);
        scenario.awaitReadModels();

        String history = scenario.get("/api/actions/" + ACTION, "lead1").text();
        assertThat(history).doesNotContain(ERASED_SUBJECT, ERASED_REASON, ERASED_OUTCOME, ERASED_DECLINE)
                .contains("[erased]", KEPT_SUBJECT, KEPT_REASON);
        JsonNode access = scenario.get("/api/subjects/" + ERASED_SUBJECT, "auditor").json();
        assertThat(access.path("erased").asBoolean()).isTrue();
        assertThat(access.toString()).doesNotContain(ERASED_REASON, ERASED_OUTCOME, ERASED_DECLINE, ERASED_SUBJECT);
        String audit = scenario.get("/api/audit?planId=" + PLAN + "&type=ReferralSubjectErased&size=100", "auditor").text();
        assertThat(audit).contains("request: subject's request of 3 December").doesNotContain(ERASED_SUBJECT);
        assertThat(scenario.get("/api/audit?planId=" + PLAN + "&size=100", "auditor").text())
                .doesNotContain(ERASED_DECLINE).doesNotContain("pl-enc");

        figuresAfterErasure = scenario.figures();
        assertThat(figuresAfterErasure).isEqualTo(figuresBeforeErasure);
        historyAfterErasure = history;
        JsonNode verify = scenario.get("/api/ledger/verify", "auditor").json();
        assertThat(verify.path("verified").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    @Order(5)
    void retentionErasesSubjectsWhoseCasesAllEndedLongerAgoThanThePeriod() throws Exception {
        scenario.ok("POST", "/api/actions/" + ACTION + "/referrals", "lead1", Map.of("id", "case-retained",
                "receivedOn", "2013-10-02", "referringAgency", "Police", "subjectRef", "ZQX-RETAIN-99", "reason", "ZQXretain note"));
        scenario.ok("POST", "/api/referrals/case-retained/decline", "lead1", Map.of("reason", "ZQXretain declined"));
        RetentionJob retention = application.getBean(RetentionJob.class);
        assertThat(retention.eraseExpired(LocalDate.now().plusYears(1).minusDays(1))).as("not a year yet").isEmpty();
        List<SubjectErasure.Erasure> erased = retention.eraseExpired(LocalDate.now().plusYears(1).plusDays(1));
        assertThat(erased).hasSize(1); // the kept subject's case is still open; the erased one has no live key
        assertThat(erased.get(0).rule()).startsWith("retention: P1Y");
        scenario.awaitReadModels();
        assertThat(scenario.get("/api/actions/" + ACTION, "lead1").text()).doesNotContain("ZQXretain").contains(KEPT_SUBJECT);
        String audit = scenario.get("/api/audit?planId=" + PLAN + "&type=ReferralSubjectErased&size=100", "auditor").text();
        assertThat(audit).contains("retention: P1Y").contains("planledger-retention");
        figuresAfterErasure = scenario.figures();
        historyAfterErasure = scenario.get("/api/actions/" + ACTION, "lead1").text();
    }

    @Test
    @Order(6)
    void noPersonalFieldIsOnDiskAndARebuildFromTheEventsGivesTheSameAnswers() throws Exception {
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from subject_key where secret_key is null", Long.class)).isEqualTo(2);
        application.close();
        application = null;

        List<String> personal = new java.util.ArrayList<>(PERSONAL);
        personal.addAll(List.of("ZQX-RETAIN-99", "ZQXretain"));
        assertThat(Files.exists(dataDir.resolve("event-store.mv.db"))).isTrue();
        try (var files = Files.walk(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("read-models.mv.db");
        }
        assertThat(filesHolding(dataDir, personal)).isEmpty();
        assertThat(filesHolding(dataDir, List.of(CONTROL)))
                .as("the control string is found in both stores, so the scan can see text")
                .anySatisfy(found -> assertThat(found).startsWith("event-store.mv.db"))
                .anySatisfy(found -> assertThat(found).contains("read-models"));

        application = start("--planledger.read-models.rebuild=true");
        scenario = new PrivacyScenario(application);
        scenario.awaitReadModels();
        assertThat(scenario.figures()).isEqualTo(figuresAfterErasure);
        assertThat(scenario.get("/api/actions/" + ACTION, "lead1").text()).isEqualTo(historyAfterErasure);
    }
}
