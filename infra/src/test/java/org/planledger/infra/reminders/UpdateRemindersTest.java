package org.planledger.infra.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.infra.web.ApiClient;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Update reminders end to end: the application on the embedded profile sends to a real SMTP server
 * (GreenMail on loopback). One reminder per lead per cycle, an escalation once the update is
 * overdue by the configured days (to the priority's lead, or the plan manager when the priority has
 * none who uses the service), nothing again on a second run nor after a restart, every reminder in
 * the audit trail, a lead without an address listed as such.
 */
class UpdateRemindersTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort()).withPerMethodLifecycle(false);

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLAN = "reminders-plan";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        String hash = new BCryptPasswordEncoder(4).encode("pw");
        Files.writeString(dataDir.resolve("users"), String.join("\n",
                "mgr:" + hash + ":PLAN_MANAGER:mgr@example.org",
                "jo:" + hash + ":DELIVERY_LEAD:jo@example.org",
                "kim:" + hash + ":DELIVERY_LEAD",
                "prio:" + hash + ":DELIVERY_LEAD:prio@example.org",
                "brd:" + hash + ":BOARD",
                "aud:" + hash + ":AUDITOR:aud@example.org", ""));
        startApplication();
        api.expect("POST", "/api/plans", "mgr", "{\"id\":\"" + PLAN + "\",\"partnership\":\"Reminder CSP\",\"title\":\"Reminder plan\","
                + "\"periodStart\":\"" + TODAY.minusYears(1) + "\",\"periodEnd\":\"" + TODAY.plusYears(2) + "\",\"cadence\":\"QUARTERLY\"}", 201);
        api.expect("POST", plan("/priorities"), "mgr", "{\"id\":\"asb\",\"title\":\"Anti-social behaviour\",\"leads\":[\"prio\"]}", 201);
        api.expect("POST", plan("/priorities"), "mgr", "{\"id\":\"dv\",\"title\":\"Domestic abuse\",\"leads\":[\"Kettering BC\"]}", 201);
        api.expect("POST", plan("/objectives"), "mgr", "{\"id\":\"asb-1\",\"priorityId\":\"asb\",\"title\":\"Reduce ASB\"}", 201);
        api.expect("POST", plan("/objectives"), "mgr", "{\"id\":\"dv-1\",\"priorityId\":\"dv\",\"title\":\"Support victims\"}", 201);
        // a quarterly update falls due three months after the start: a1 and a3 about 30 days ago, a2 about 5 days ago
        action("a1", "asb-1", TODAY.minusMonths(3).minusDays(30),
                "{\"name\":\"Jo Lead\",\"userId\":\"jo\"},{\"name\":\"Kim Lead\",\"userId\":\"kim\"},{\"organisation\":\"Northants Police\"}");
        action("a2", "asb-1", TODAY.minusMonths(3).minusDays(5), "{\"name\":\"Jo Lead\",\"userId\":\"jo\"}");
        action("a3", "dv-1", TODAY.minusMonths(3).minusDays(30), "{\"name\":\"Jo Lead\",\"userId\":\"jo\"}");
        action("a4", "asb-1", TODAY.minusDays(10), "{\"name\":\"Jo Lead\",\"userId\":\"jo\"}"); // not due for months
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
    }

    static void startApplication() {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF).run(
                "--planledger.data-dir=" + dataDir.resolve("data"), "--server.port=0",
                "--planledger.security.demo-users=false", "--planledger.security.users-file=" + dataDir.resolve("users"),
                "--planledger.reminders.enabled=true", "--planledger.reminders.escalate-after-days=20",
                "--planledger.reminders.site-url=https://ledger.example.org/",
                // the schedule is never reached in a test: runs are started by the test
                "--planledger.reminders.cron=0 0 0 29 2 *",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort());
        api = ApiClient.of(application, "pw");
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void oneReminderPerLeadPerCycleEscalatedAfterTheDaysAndNeverAgainAcrossARestart() throws Exception {
        List<UpdateReminders.Sent> first = application.getBean(UpdateReminders.class).remind(TODAY);

        assertThat(first).extracting(s -> s.actionId() + ">" + s.recipient() + (s.escalation() ? " (escalation)" : ""))
                .containsExactlyInAnyOrder("a1>jo", "a1>prio (escalation)", "a2>jo", "a3>jo", "a3>mgr (escalation)");
        assertThat(first).allMatch(UpdateReminders.Sent::mailed);
        assertThat(recipients()).containsExactlyInAnyOrder("jo@example.org", "jo@example.org", "jo@example.org",
                "prio@example.org", "mgr@example.org");
        MimeMessage escalated = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> address(m).equals("prio@example.org")).findFirst().orElseThrow();
        assertThat(escalated.getSubject()).isEqualTo("Overdue update: Action a1");
        assertThat(((String) escalated.getContent())).contains("Reminder plan", "days overdue",
                "https://ledger.example.org/actions/a1");

        // a second run the same day, and the next day, find every reminder recorded: nothing is sent again
        assertThat(application.getBean(UpdateReminders.class).remind(TODAY)).isEmpty();
        assertThat(application.getBean(UpdateReminders.class).remind(TODAY.plusDays(1))).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(5);

        // nor after a restart (the aggregate's record survives it; nothing is remembered in memory)
        application.close();
        startApplication();
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        assertThat(application.getBean(UpdateReminders.class).remind(TODAY)).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(5);

        // every reminder is in the audit trail, by the reminder job
        JsonNode audit = api.expect("GET", "/api/audit?planId=" + PLAN + "&type=UpdateReminderSent", "aud", null, 200).json();
        assertThat(audit.path("entries")).hasSize(5);
        assertThat(audit.path("entries").findValuesAsText("actor")).containsOnly(UpdateReminders.ACTOR);

        // the list says who was reminded this cycle and that Kim has no address
        JsonNode due = api.expect("GET", plan("/updates-due"), "mgr", null, 200).json();
        JsonNode a1 = row(due, "a1");
        assertThat(a1.path("remindersSent").asInt()).isEqualTo(2);
        assertThat(a1.path("escalationDue").asBoolean()).isTrue();
        assertThat(a1.path("daysOverdue").asInt()).isBetween(25, 35);
        assertThat(a1.path("leads")).hasSize(3);
        assertThat(a1.path("leads").get(0).path("hasAddress").asBoolean()).isTrue();
        assertThat(a1.path("leads").get(1).path("userId").asText()).isEqualTo("kim");
        assertThat(a1.path("leads").get(1).path("hasAddress").asBoolean()).isFalse();
        assertThat(a1.path("leads").get(2).path("userId").isNull()).as("an organisation without a user").isTrue();
        assertThat(row(due, "a2").path("escalationDue").asBoolean()).isFalse();
        String page = api.expect("GET", "/plans/" + PLAN + "/updates-due", "mgr", null, 200).text();
        assertThat(page).contains("Updates due", "Action a1", "no address", "no user to remind", "2 this cycle");
    }

    @Test
    void managersAndTheBoardSeeEveryUpdateALeadTheirOwnAndAuditorsNone() throws Exception {
        assertThat(rows(api.expect("GET", plan("/updates-due"), "brd", null, 200).bytes())).containsExactly("a1", "a3", "a2");
        assertThat(rows(api.expect("GET", plan("/updates-due"), "kim", null, 200).bytes())).containsExactly("a1");
        assertThat(rows(api.expect("GET", plan("/updates-due"), "jo", null, 200).bytes())).containsExactly("a1", "a3", "a2");
        api.expect("GET", plan("/updates-due"), "aud", null, 403);
        api.expect("GET", "/api/plans/no-such-plan/updates-due", "mgr", null, 404);
    }

    private static List<String> rows(byte[] body) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(body).path("updates").forEach(row -> ids.add(row.path("actionId").asText()));
        return ids;
    }

    private static JsonNode row(JsonNode due, String actionId) {
        for (JsonNode row : due.path("updates")) {
            if (row.path("actionId").asText().equals(actionId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + actionId + " in " + due);
    }

    private static List<String> recipients() {
        return Arrays.stream(smtp.getReceivedMessages()).map(UpdateRemindersTest::address).toList();
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void action(String id, String objectiveId, LocalDate start, String leads) throws Exception {
        api.expect("POST", plan("/actions"), "mgr", "{\"id\":\"" + id + "\",\"objectiveId\":\"" + objectiveId + "\",\"title\":\"Action "
                + id + "\",\"leads\":[" + leads + "],\"startDate\":\"" + start + "\"}", 201);
    }

    private static String plan(String path) {
        return "/api/plans/" + PLAN + path;
    }

}
