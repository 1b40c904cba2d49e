package org.planledger.infra.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval of updates end to end over HTTP on the embedded profile: with the plan's approval on, a
 * delivery lead's note and rating are submitted, not on the board; a manager approves (the note reaches
 * the board) or returns with a reason (it never does); the lead cannot approve; the audit trail shows
 * who submitted, approved and returned; a plan without approval records a lead's note at once.
 */
class ApprovalHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static HttpClient http = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void start() {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    static void plan(String planId, String actionId) throws Exception {
        send("POST", "/api/plans", "manager", "{\"id\":\"" + planId + "\",\"partnership\":\"CSP\",\"title\":\"Approval plan\","
                + "\"periodStart\":\"2024-04-01\",\"periodEnd\":\"2028-03-31\",\"cadence\":\"QUARTERLY\"}", 201);
        send("POST", "/api/plans/" + planId + "/priorities", "manager", "{\"id\":\"asb\",\"title\":\"ASB\"}", 201);
        send("POST", "/api/plans/" + planId + "/objectives", "manager", "{\"id\":\"asb-1\",\"priorityId\":\"asb\",\"title\":\"Reduce ASB\"}", 201);
        send("POST", "/api/plans/" + planId + "/actions", "manager", "{\"id\":\"" + actionId + "\",\"objectiveId\":\"asb-1\","
                + "\"title\":\"Target hardening\",\"leads\":[{\"name\":\"Lead One\",\"userId\":\"lead1\"}],\"startDate\":\"2024-04-01\"}", 201);
    }

    @Test
    void aLeadsUpdateWaitsForAManagerAndOnlyApprovedUpdatesReachTheBoard() throws Exception {
        plan("approval-plan", "appr-act");
        JsonNode setting = JSON.readTree(send("PUT", "/api/plans/approval-plan/update-approval", "manager", "{\"required\":true}", 200).body());
        assertThat(setting.path("actions").asInt()).isEqualTo(1);
        send("PUT", "/api/plans/approval-plan/update-approval", "lead1", "{\"required\":false}", 403);
        send("PUT", "/api/plans/approval-plan/update-approval", "manager", "{}", 400);

        send("POST", "/api/actions/appr-act/progress", "lead1", "{\"id\":\"n1\",\"period\":\"2025-06\",\"text\":\"Bid successful\"}", 201);
        send("PUT", "/api/actions/appr-act/rag", "lead1", "{\"status\":\"RED\",\"reason\":\"Funding withdrawn\"}", 200);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("approval-plan").path("latestNote").isNull()).as("not on the board before approval").isTrue();
        assertThat(boardAction("approval-plan").path("rag").isNull()).isTrue();
        JsonNode history = JSON.readTree(send("GET", "/api/actions/appr-act", "lead1", null, 200).body());
        assertThat(states(history)).containsExactly("n1 PENDING", "rag-2 PENDING");
        assertThat(page("/actions/appr-act", "lead1")).contains("Waiting for approval", "Bid successful").doesNotContain("Approve</button>");
        assertThat(page("/actions/appr-act", "manager")).contains("Approve</button>", "Return to the lead");

        send("POST", "/api/actions/appr-act/submissions/n1/approval", "lead1", null, 403);
        send("POST", "/api/actions/appr-act/submissions/n1/approval", "manager", null, 200);
        send("POST", "/api/actions/appr-act/submissions/n1/approval", "manager", null, 409);
        send("POST", "/api/actions/appr-act/submissions/rag-2/return", "manager", "{}", 400);
        send("POST", "/api/actions/appr-act/submissions/rag-2/return", "manager", "{\"reason\":\"Say which fund\"}", 200);
        send("POST", "/api/actions/appr-act/submissions/nothing/approval", "manager", null, 404);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        JsonNode action = boardAction("approval-plan");
        assertThat(action.path("latestNote").path("text").asText()).isEqualTo("Bid successful");
        assertThat(action.path("rag").isNull()).as("a returned rating never reaches the board").isTrue();
        assertThat(states(JSON.readTree(send("GET", "/api/actions/appr-act", "manager", null, 200).body())))
                .containsExactly("n1 APPROVED", "rag-2 RETURNED");

        JsonNode audit = JSON.readTree(send("GET", "/api/audit?planId=approval-plan", "auditor", null, 200).body());
        List<String> trail = new ArrayList<>();
        audit.path("entries").forEach(e -> trail.add(e.path("type").asText() + " by " + e.path("actor").asText()));
        assertThat(trail).contains("ProgressSubmitted by lead1", "ProgressApproved by manager", "ProgressReturned by manager",
                "ProgressRecorded by manager", "UpdateApprovalRequired by manager");
        assertThat(page("/audit?planId=approval-plan", "auditor")).contains("Update submitted for approval", "Update approved",
                "Update returned to its lead");
    }

    @Test
    void aLeadOfThePriorityDecidesFromThePlanWideQueueAndOthersSeeOnlyWhatTheyMayDecide() throws Exception {
        plan("queue-plan", "queue-act");
        // the priority names an organisation and lead2, a user of this service; lead1 leads the action only
        send("PUT", "/api/plans/queue-plan/priorities/asb", "manager",
                "{\"title\":\"ASB\",\"leads\":[\"Kettering Borough Council\",\"lead2\"],\"reason\":\"lead2 signs off ASB updates\"}", 200);
        send("PUT", "/api/plans/queue-plan/update-approval", "manager", "{\"required\":true}", 200);
        send("POST", "/api/actions/queue-act/progress", "lead1", "{\"id\":\"q1\",\"period\":\"2025-06\",\"text\":\"Locks fitted\"}", 201);
        send("POST", "/api/actions/queue-act/progress", "lead1", "{\"id\":\"q2\",\"period\":\"2025-07\",\"text\":\"More locks\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        JsonNode forManager = JSON.readTree(send("GET", "/api/plans/queue-plan/pending-updates", "manager", null, 200).body());
        assertThat(queue(forManager)).containsExactly("queue-act q1 ASB true", "queue-act q2 ASB true");
        JsonNode forPriorityLead = JSON.readTree(send("GET", "/api/plans/queue-plan/pending-updates", "lead2", null, 200).body());
        assertThat(queue(forPriorityLead)).containsExactly("queue-act q1 ASB true", "queue-act q2 ASB true");
        assertThat(queue(JSON.readTree(send("GET", "/api/plans/queue-plan/pending-updates", "lead1", null, 200).body())))
                .as("the action's own lead submitted them and cannot sign them off").isEmpty();
        send("GET", "/api/plans/queue-plan/pending-updates", "board", null, 403);
        send("GET", "/api/plans/queue-plan/pending-updates", "auditor", null, 403);
        send("GET", "/api/plans/no-such-plan/pending-updates", "manager", null, 404);
        assertThat(page("/plans/queue-plan/pending-updates", "lead2")).contains("Waiting for approval", "Locks fitted",
                "Approve</button>", "Return to the lead");
        assertThat(page("/actions/queue-act", "lead2")).contains("Locks fitted", "Approve</button>");

        send("POST", "/api/actions/queue-act/submissions/q1/approval", "lead1", null, 403);
        send("POST", "/api/actions/queue-act/submissions/q1/approval", "lead2", null, 200);
        send("POST", "/api/actions/queue-act/submissions/q2/return", "lead2", "{\"reason\":\"Which streets?\"}", 200);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("queue-plan").path("latestNote").path("text").asText()).isEqualTo("Locks fitted");
        assertThat(queue(JSON.readTree(send("GET", "/api/plans/queue-plan/pending-updates", "manager", null, 200).body()))).isEmpty();
        assertThat(page("/plans/queue-plan/pending-updates", "manager")).contains("Nothing is waiting for approval.");
        JsonNode audit = JSON.readTree(send("GET", "/api/audit?planId=queue-plan", "auditor", null, 200).body());
        List<String> trail = new ArrayList<>();
        audit.path("entries").forEach(e -> trail.add(e.path("type").asText() + " by " + e.path("actor").asText()));
        assertThat(trail).contains("ProgressApproved by lead2", "ProgressReturned by lead2");
    }

    private static List<String> queue(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.path("updates").forEach(u -> rows.add(u.path("actionId").asText() + " " + u.path("submission").path("submissionId").asText()
                + " " + u.path("priorityTitle").asText() + " " + u.path("mayDecide").asBoolean()));
        return rows;
    }

    @Test
    void withoutApprovalALeadsNoteIsOnTheBoardAtOnceAndAManagersOwnNeverWaits() throws Exception {
        plan("plain-plan", "plain-act");
        send("POST", "/api/actions/plain-act/progress", "lead1", "{\"id\":\"n1\",\"period\":\"2025-06\",\"text\":\"At once\"}", 201);
        send("PUT", "/api/plans/plain-plan/update-approval", "manager", "{\"required\":true}", 200);
        send("POST", "/api/actions/plain-act/progress", "manager", "{\"id\":\"n2\",\"period\":\"2025-07\",\"text\":\"Manager's own\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("plain-plan").path("latestNote").path("text").asText()).isEqualTo("Manager's own");
        // turning it off again: the lead's next note is recorded at once
        send("PUT", "/api/plans/plain-plan/update-approval", "manager", "{\"required\":false}", 200);
        send("POST", "/api/actions/plain-act/progress", "lead1", "{\"id\":\"n3\",\"period\":\"2025-08\",\"text\":\"Off again\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("plain-plan").path("latestNote").path("text").asText()).isEqualTo("Off again");
    }

    private static List<String> states(JsonNode history) {
        List<String> states = new ArrayList<>();
        history.path("submissions").forEach(s -> states.add(s.path("submissionId").asText() + " " + s.path("state").asText()));
        return states;
    }

    private static JsonNode boardAction(String planId) throws Exception {
        JsonNode board = JSON.readTree(send("GET", "/api/plans/" + planId + "/board", "board", null, 200).body());
        return board.path("priorities").get(0).path("objectives").get(0).path("actions").get(0);
    }

    private static String page(String path, String user) throws Exception {
        return new String(send("GET", path, user, null, 200).body(), StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> send(String method, String path, String user, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response = http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(method + " " + path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(expected);
        return response;
    }
}
