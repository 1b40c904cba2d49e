package org.planledger.infra.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.infra.web.ApiClient;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval of updates end to end over HTTP on the embedded profile: with the plan's approval on, a
 * delivery lead's note and rating are submitted, not on the board; a manager approves (the note reaches
 * the board) or returns with a reason (it never does); the lead cannot approve; the audit trail shows
 * who submitted, approved and returned; a plan without approval records a lead's note at once.
 */
class ApprovalHttpTest {

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static ApiClient api;

    @BeforeAll
    static void start() {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0");
        api = ApiClient.of(application, "demo");
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    static void plan(String planId, String actionId) throws Exception {
        api.expect("POST", "/api/plans", "manager", "{\"id\":\"" + planId + "\",\"partnership\":\"CSP\",\"title\":\"Approval plan\","
                + "\"periodStart\":\"2024-04-01\",\"periodEnd\":\"2028-03-31\",\"cadence\":\"QUARTERLY\"}", 201);
        api.expect("POST", "/api/plans/" + planId + "/priorities", "manager", "{\"id\":\"asb\",\"title\":\"ASB\"}", 201);
        api.expect("POST", "/api/plans/" + planId + "/objectives", "manager", "{\"id\":\"asb-1\",\"priorityId\":\"asb\",\"title\":\"Reduce ASB\"}", 201);
        api.expect("POST", "/api/plans/" + planId + "/actions", "manager", "{\"id\":\"" + actionId + "\",\"objectiveId\":\"asb-1\","
                + "\"title\":\"Target hardening\",\"leads\":[{\"name\":\"Lead One\",\"userId\":\"lead1\"}],\"startDate\":\"2024-04-01\"}", 201);
    }

    @Test
    void aLeadsUpdateWaitsForAManagerAndOnlyApprovedUpdatesReachTheBoard() throws Exception {
        plan("approval-plan", "appr-act");
        JsonNode setting = api.expect("PUT", "/api/plans/approval-plan/update-approval", "manager", "{\"required\":true}", 200).json();
        assertThat(setting.path("actions").asInt()).isEqualTo(1);
        api.expect("PUT", "/api/plans/approval-plan/update-approval", "lead1", "{\"required\":false}", 403);
        api.expect("PUT", "/api/plans/approval-plan/update-approval", "manager", "{}", 400);

        api.expect("POST", "/api/actions/appr-act/progress", "lead1", "{\"id\":\"n1\",\"period\":\"2025-06\",\"text\":\"Bid successful\"}", 201);
        api.expect("PUT", "/api/actions/appr-act/rag", "lead1", "{\"status\":\"RED\",\"reason\":\"Funding withdrawn\"}", 200);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("approval-plan").path("latestNote").isNull()).as("not on the board before approval").isTrue();
        assertThat(boardAction("approval-plan").path("rag").isNull()).isTrue();
        JsonNode history = api.expect("GET", "/api/actions/appr-act", "lead1", null, 200).json();
        assertThat(states(history)).containsExactly("n1 PENDING", "rag-2 PENDING");
        assertThat(api.text("/actions/appr-act", "lead1")).contains("Waiting for approval", "Bid successful").doesNotContain("Approve</button>");
        assertThat(api.text("/actions/appr-act", "manager")).contains("Approve</button>", "Return to the lead");

        api.expect("POST", "/api/actions/appr-act/submissions/n1/approval", "lead1", null, 403);
        api.expect("POST", "/api/actions/appr-act/submissions/n1/approval", "manager", null, 200);
        api.expect("POST", "/api/actions/appr-act/submissions/n1/approval", "manager", null, 409);
        api.expect("POST", "/api/actions/appr-act/submissions/rag-2/return", "manager", "{}", 400);
        api.expect("POST", "/api/actions/appr-act/submissions/rag-2/return", "manager", "{\"reason\":\"Say which fund\"}", 200);
        api.expect("POST", "/api/actions/appr-act/submissions/nothing/approval", "manager", null, 404);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        JsonNode action = boardAction("approval-plan");
        assertThat(action.path("latestNote").path("text").asText()).isEqualTo("Bid successful");
        assertThat(action.path("rag").isNull()).as("a returned rating never reaches the board").isTrue();
        assertThat(states(api.expect("GET", "/api/actions/appr-act", "manager", null, 200).json()))
                .containsExactly("n1 APPROVED", "rag-2 RETURNED");

        JsonNode audit = api.expect("GET", "/api/audit?planId=approval-plan", "auditor", null, 200).json();
        List<String> trail = new ArrayList<>();
        audit.path("entries").forEach(e -> trail.add(e.path("type").asText() + " by " + e.path("actor").asText()));
        assertThat(trail).contains("ProgressSubmitted by lead1", "ProgressApproved by manager", "ProgressReturned by manager",
                "ProgressRecorded by manager", "UpdateApprovalRequired by manager");
        assertThat(api.text("/audit?planId=approval-plan", "auditor")).contains("Update submitted for approval", "Update approved",
                "Update returned to its lead");
    }

    @Test
    void aLeadOfThePriorityDecidesFromThePlanWideQueueAndOthersSeeOnlyWhatTheyMayDecide() throws Exception {
        plan("queue-plan", "queue-act");
        // the priority names an organisation and lead2, a user of this service; lead1 leads the action only
        api.expect("PUT", "/api/plans/queue-plan/priorities/asb", "manager",
                "{\"title\":\"ASB\",\"leads\":[\"Kettering Borough Council\",\"lead2\"],\"reason\":\"lead2 signs off ASB updates\"}", 200);
        api.expect("PUT", "/api/plans/queue-plan/update-approval", "manager", "{\"required\":true}", 200);
        api.expect("POST", "/api/actions/queue-act/progress", "lead1", "{\"id\":\"q1\",\"period\":\"2025-06\",\"text\":\"Locks fitted\"}", 201);
        api.expect("POST", "/api/actions/queue-act/progress", "lead1", "{\"id\":\"q2\",\"period\":\"2025-07\",\"text\":\"More locks\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));

        JsonNode forManager = api.expect("GET", "/api/plans/queue-plan/pending-updates", "manager", null, 200).json();
        assertThat(queue(forManager)).containsExactly("queue-act q1 ASB true", "queue-act q2 ASB true");
        JsonNode forPriorityLead = api.expect("GET", "/api/plans/queue-plan/pending-updates", "lead2", null, 200).json();
        assertThat(queue(forPriorityLead)).containsExactly("queue-act q1 ASB true", "queue-act q2 ASB true");
        assertThat(queue(api.expect("GET", "/api/plans/queue-plan/pending-updates", "lead1", null, 200).json()))
                .as("the action's own lead submitted them and cannot sign them off").isEmpty();
        api.expect("GET", "/api/plans/queue-plan/pending-updates", "board", null, 403);
        api.expect("GET", "/api/plans/queue-plan/pending-updates", "auditor", null, 403);
        api.expect("GET", "/api/plans/no-such-plan/pending-updates", "manager", null, 404);
        assertThat(api.text("/plans/queue-plan/pending-updates", "lead2")).contains("Waiting for approval", "Locks fitted",
                "Approve</button>", "Return to the lead");
        assertThat(api.text("/actions/queue-act", "lead2")).contains("Locks fitted", "Approve</button>");

        api.expect("POST", "/api/actions/queue-act/submissions/q1/approval", "lead1", null, 403);
        api.expect("POST", "/api/actions/queue-act/submissions/q1/approval", "lead2", null, 200);
        api.expect("POST", "/api/actions/queue-act/submissions/q2/return", "lead2", "{\"reason\":\"Which streets?\"}", 200);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("queue-plan").path("latestNote").path("text").asText()).isEqualTo("Locks fitted");
        assertThat(queue(api.expect("GET", "/api/plans/queue-plan/pending-updates", "manager", null, 200).json())).isEmpty();
        assertThat(api.text("/plans/queue-plan/pending-updates", "manager")).contains("Nothing is waiting for approval.");
        JsonNode audit = api.expect("GET", "/api/audit?planId=queue-plan", "auditor", null, 200).json();
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
        api.expect("POST", "/api/actions/plain-act/progress", "lead1", "{\"id\":\"n1\",\"period\":\"2025-06\",\"text\":\"At once\"}", 201);
        api.expect("PUT", "/api/plans/plain-plan/update-approval", "manager", "{\"required\":true}", 200);
        api.expect("POST", "/api/actions/plain-act/progress", "manager", "{\"id\":\"n2\",\"period\":\"2025-07\",\"text\":\"Manager's own\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("plain-plan").path("latestNote").path("text").asText()).isEqualTo("Manager's own");
        // turning it off again: the lead's next note is recorded at once
        api.expect("PUT", "/api/plans/plain-plan/update-approval", "manager", "{\"required\":false}", 200);
        api.expect("POST", "/api/actions/plain-act/progress", "lead1", "{\"id\":\"n3\",\"period\":\"2025-08\",\"text\":\"Off again\"}", 201);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(boardAction("plain-plan").path("latestNote").path("text").asText()).isEqualTo("Off again");
    }

    private static List<String> states(JsonNode history) {
        List<String> states = new ArrayList<>();
        history.path("submissions").forEach(s -> states.add(s.path("submissionId").asText() + " " + s.path("state").asText()));
        return states;
    }

    private static JsonNode boardAction(String planId) throws Exception {
        JsonNode board = api.expect("GET", "/api/plans/" + planId + "/board", "board", null, 200).json();
        return board.path("priorities").get(0).path("objectives").get(0).path("actions").get(0);
    }


}
