package org.planledger.infra.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.infra.SlowLane;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval in a real browser: on a plan that requires approval, a lead's note from the record form
 * is submitted, not on the board; a plan manager approves it from the action's page and it is.
 */
@SlowLane
class ApprovalBrowserTest {

    static final String PLAN = "approval-browser";
    static final String ACTION = "approval-browser-act";

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireInstalled();
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0");
        int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
        base = "http://127.0.0.1:" + port;
        send(base, "POST", "/api/plans", Map.of("id", PLAN, "partnership", "CSP", "title", "Approval plan",
                "periodStart", "2024-04-01", "periodEnd", "2028-03-31", "cadence", "QUARTERLY"), 201);
        send(base, "POST", "/api/plans/" + PLAN + "/priorities", Map.of("id", "asb", "title", "ASB"), 201);
        send(base, "POST", "/api/plans/" + PLAN + "/objectives", Map.of("id", "asb-1", "priorityId", "asb", "title", "Reduce ASB"), 201);
        send(base, "POST", "/api/plans/" + PLAN + "/actions", Map.of("id", ACTION, "objectiveId", "asb-1", "title", "Target hardening",
                "leads", List.of(Map.of("name", "Lead One", "userId", "lead1")), "startDate", "2024-04-01"), 201);
        send(base, "PUT", "/api/plans/" + PLAN + "/update-approval", Map.of("required", true), 200);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    static void send(String base, String method, String path, Object body, int expected) throws Exception {
        send(base, "manager", method, path, body, expected);
    }

    static void send(String base, String user, String method, String path, Object body, int expected) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                        .header("Content-Type", "application/json")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(
                                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aLeadsNoteWaitsForTheManagerWhoApprovesItFromTheActionPage() throws Exception {
        String note = "Fifty homes secured (approval browser test)";
        browser.signIn("lead1");
        browser.open("/actions/" + ACTION + "/record");
        browser.type("#progress-text", note);
        browser.type("#progress-period", "2025-06");
        browser.submit("#progress-form");
        browser.waitFor(".notice-success");
        assertThat(browser.text()).contains("Submitted for approval", "Waiting for approval", note);
        browser.open("/plans/" + PLAN);
        assertThat(browser.text()).doesNotContain(note);

        browser.signIn("manager");
        browser.open("/actions/" + ACTION);
        // the pending update, with the manager's buttons and the return form, passes the pages' WCAG checks
        PageChecks.assertAccessible(browser, "action-waiting-for-approval");
        PageChecks.assertFitsPhone(browser, "action-waiting-for-approval");
        browser.screenshot("action-waiting-for-approval-desktop", Browser.DESKTOP);
        browser.open("/plans/" + PLAN + "/updates-due");
        assertThat(browser.h1()).isEqualTo("Approval plan");
        PageChecks.assertAccessible(browser, "updates-due");
        PageChecks.assertFitsPhone(browser, "updates-due");
        browser.screenshot("updates-due-desktop", Browser.DESKTOP);
        browser.screenshot("updates-due-phone", Browser.PHONE);
        browser.open("/actions/" + ACTION);
        browser.submit("#pending-updates form.inline-form");
        browser.waitFor("p.notice[role=status]");
        assertThat(browser.text()).contains("Update approved").doesNotContain("Waiting for approval");
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        browser.open("/plans/" + PLAN);
        assertThat(browser.text()).contains(note);
    }

    @Test
    void aLeadOfThePriorityApprovesOneUpdateAndReturnsAnotherFromThePlansQueue() throws Exception {
        send(base, "PUT", "/api/plans/" + PLAN + "/priorities/asb", Map.of("title", "ASB", "leads", List.of("lead2"),
                "reason", "lead2 signs off ASB updates"), 200);
        send(base, "lead1", "POST", "/api/actions/" + ACTION + "/progress", Map.of("id", "queue-1", "period", "2025-04",
                "text", "Door locks fitted (queue browser test)"), 201);
        send(base, "lead1", "POST", "/api/actions/" + ACTION + "/progress", Map.of("id", "queue-2", "period", "2025-05",
                "text", "Window locks fitted (queue browser test)"), 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        browser.signIn("lead2");
        browser.open("/plans/" + PLAN + "/pending-updates");
        assertThat(browser.h1()).isEqualTo("Approval plan");
        assertThat(browser.text()).contains("Waiting for approval", "Door locks fitted", "Window locks fitted", "submitted by lead1");
        PageChecks.assertAccessible(browser, "pending-updates");
        PageChecks.assertFitsPhone(browser, "pending-updates");
        browser.screenshot("pending-updates-desktop", Browser.DESKTOP);
        browser.screenshot("pending-updates-phone", Browser.PHONE);

        browser.submit("#pending-" + ACTION + "-queue-1 form.inline-form");
        browser.waitFor("p.notice[role=status]");
        assertThat(browser.text()).contains("Update approved", "Window locks fitted").doesNotContain("Door locks fitted");
        browser.type("#reason-" + ACTION + "-queue-2", "Say which streets");
        browser.submit("#pending-" + ACTION + "-queue-2 form.inline-fields");
        browser.waitFor("#nothing-pending");
        assertThat(browser.text()).contains("Update returned to its lead", "Nothing is waiting for approval.");

        // the approved note is in the action's record, the returned one only among the returned updates, with the reason
        // (the periods come before the other test's note, so either order of the two tests leaves the board as it expects)
        browser.signIn("manager");
        browser.open("/actions/" + ACTION);
        assertThat(browser.all("#pending-updates")).as("nothing left waiting").isEmpty();
        assertThat(browser.text()).contains("Door locks fitted", "Say which streets");
    }
}
