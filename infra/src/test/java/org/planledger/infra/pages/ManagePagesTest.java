package org.planledger.infra.pages;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.events.IndicatorReadingCorrected;
import org.planledger.events.IndicatorRetired;
import org.planledger.events.ObjectiveRetired;
import org.planledger.events.ActionAdded;
import org.planledger.events.AuditMetadata;
import org.planledger.events.Lead;
import org.planledger.infra.PlanLedgerApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change forms over plain HTTP on the embedded runtime: each sends the API's own command
 * (the event says it came from the pages), and a refused form answers 400 with its message beside
 * the field it names and stores nothing — whether the request record, Bean Validation or the
 * command side refused it. The same forms in a browser: {@code ManageBrowserTest}.
 */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagePagesTest {

    static final String PLAN = "forms-http-plan";
    static final String ACTION = "forms-http-action";

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

    @Autowired
    EventStore eventStore;

    long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    @Test
    @Order(1)
    void aManagerDraftsAndShapesAPlanWithTheApisOwnCommands() throws Exception {
        PageSession manager = PageSession.signIn(port, "manager");
        PageSession.Page form = manager.get("/manage/new-plan");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Draft a plan").contains("id=\"f-periodStart\"").contains("type=\"date\"");

        expectRedirect(manager.post("/manage/new-plan", form, Map.of("id", PLAN, "partnership", "Example Partnership",
                "title", "Forms Plan 2024-2027", "periodStart", "2024-04-01", "periodEnd", "2027-03-31",
                "cadence", "QUARTERLY")), "/plans/" + PLAN + "/manage");
        String base = "/plans/" + PLAN + "/manage/";
        PageSession.Page manage = manager.get("/plans/" + PLAN + "/manage");
        assertThat(manage.body()).contains("Forms Plan 2024-2027").contains("Plan drafted.");

        form = manager.get(base + "add-priority");
        expectRedirect(manager.post(base + "add-priority", form, Map.of("id", "violence", "title", "Violence",
                "leads", "Jo Smith\n\nKettering Borough Council")), "/plans/" + PLAN + "/manage");
        form = manager.get(base + "add-objective?priorityId=violence");
        assertThat(form.body()).as("the link chose the priority").containsPattern("value=\"violence\"\\s+selected");
        expectRedirect(manager.post(base + "add-objective", form, Map.of("id", "violence-1", "priorityId", "violence",
                "title", "Reduce violence in the night-time economy")), "/plans/" + PLAN + "/manage");

        form = manager.get(base + "add-action?objectiveId=violence-1");
        assertThat(form.body()).as("leads are chosen from known users").contains("<option value=\"lead1\">lead1</option>")
                .doesNotContain("name=\"leads[0].userId\" type=\"text\"");
        expectRedirect(manager.post(base + "add-action", form, Map.of("id", ACTION, "objectiveId", "violence-1",
                "title", "Taxi marshals on Friday nights", "leads[0].userId", "lead1",
                "leads[2].organisation", "Kettering Borough Council", "startDate", "2024-04-01",
                "endDate", "2025-03-31", "outputs", "Marshals at two ranks\nMonthly report")), "/plans/" + PLAN + "/manage");

        DomainEventMessage<?> added = eventStore.readEvents(ACTION).asStream().findFirst().orElseThrow();
        ActionAdded event = (ActionAdded) added.getPayload();
        assertThat(event.leads()).containsExactly(new Lead("lead1", null, "lead1"),
                new Lead(null, "Kettering Borough Council", null));
        assertThat(event.outputs()).containsExactly("Marshals at two ranks", "Monthly report");
        assertThat(added.getMetaData().get(AuditMetadata.SOURCE)).isEqualTo("ui");
        assertThat(added.getMetaData().get(AuditMetadata.ACTOR)).isEqualTo("manager");

        form = manager.get(base + "board-meeting");
        expectRedirect(manager.post(base + "board-meeting", form, Map.of("heldOn", "2024-06-20", "title", "CSP Board")),
                "/plans/" + PLAN + "/manage");
        assertThat(manager.get("/plans/" + PLAN + "/manage").body()).contains("CSP Board").contains("Taxi marshals");
        assertThat(manager.get("/actions/" + ACTION).body()).contains("signs in as lead1");
    }

    @Test
    @Order(2)
    void aRefusedFormSaysWhyBesideTheFieldAndStoresNothing() throws Exception {
        PageSession manager = PageSession.signIn(port, "manager");
        long before = storedEvents();

        // The request record refuses: a blank title, and a date the form cannot read.
        PageSession.Page form = manager.get("/manage/new-plan");
        PageSession.Page refused = manager.post("/manage/new-plan", form, Map.of("partnership", "Example Partnership",
                "title", " ", "periodStart", "2024-04-01", "periodEnd", "31/03/2027", "cadence", "QUARTERLY"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-periodEnd")).isEqualTo("Enter a date such as 2013-06-30.");
        assertThat(refused.body()).contains("Nothing was changed").contains("value=\"Example Partnership\"");

        refused = manager.post("/manage/new-plan", form, Map.of("partnership", "Example Partnership",
                "title", " ", "periodStart", "2024-04-01", "periodEnd", "2027-03-31", "cadence", "QUARTERLY"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-title")).isEqualTo("Enter plan title.");
        assertThat(refused.body()).containsPattern("id=\"f-title\"[^>]*aria-invalid=\"true\"");

        // The command side refuses: the plan's id is taken by a plan with other content.
        refused = manager.post("/manage/new-plan", form, Map.of("id", PLAN, "partnership", "Another Partnership",
                "title", "Another plan", "periodStart", "2024-04-01", "periodEnd", "2027-03-31", "cadence", "QUARTERLY"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-id")).isNotBlank();

        // An action needs a lead: the list's message sits by its first row.
        String base = "/plans/" + PLAN + "/manage/";
        form = manager.get(base + "add-action");
        refused = manager.post(base + "add-action", form, Map.of("objectiveId", "violence-1", "title", "No lead yet"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-leads-0-name")).isEqualTo("Give at least one lead.");

        // Ceasing needs a reason.
        form = manager.get("/actions/" + ACTION + "/manage/cease");
        refused = manager.post("/actions/" + ACTION + "/manage/cease", form, Map.of("reason", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-reason")).startsWith("Enter");

        assertThat(storedEvents()).as("events after five refused forms").isEqualTo(before);
    }

    @Test
    @Order(3)
    void aLeadCorrectsTheirNoteAndOthersMayNot() throws Exception {
        PageSession lead = PageSession.signIn(port, "lead1");
        PageSession.Page record = lead.get("/actions/" + ACTION + "/record");
        expectRedirect(lead.post("/actions/" + ACTION + "/record/progress", record,
                Map.of("period", "2024-06", "text", "Marshals at one rank")), "/actions/" + ACTION);
        PageSession.Page action = lead.get("/actions/" + ACTION);
        Matcher link = Pattern.compile("/actions/" + ACTION + "/manage/correct-note\\?noteId=([^\"&]+)").matcher(action.body());
        assertThat(link.find()).as("a Correct link by the lead's note").isTrue();
        String correct = "/actions/" + ACTION + "/manage/correct-note?noteId=" + link.group(1);

        PageSession.Page form = lead.get(correct);
        assertThat(form.body()).contains("Marshals at one rank").contains("name=\"path.noteId\"");
        long before = storedEvents();
        PageSession.Page refused = lead.post("/actions/" + ACTION + "/manage/correct-note", form,
                Map.of("path.noteId", link.group(1), "text", "Marshals at two ranks", "reason", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-reason")).isEqualTo("Enter why it is corrected.");
        assertThat(storedEvents()).isEqualTo(before);

        expectRedirect(lead.post("/actions/" + ACTION + "/manage/correct-note", form,
                Map.of("path.noteId", link.group(1), "text", "Marshals at two ranks", "reason", "Miscounted the ranks")),
                "/actions/" + ACTION);
        assertThat(lead.get("/actions/" + ACTION).body()).contains("Marshals at two ranks")
                .containsPattern("<del><span class=\"visually-hidden\">Original wording: </span><span>Marshals at one rank</span></del>");

        PageSession other = PageSession.signIn(port, "lead2");
        assertThat(other.get(correct).status()).isEqualTo(403);
        assertThat(other.get("/actions/" + ACTION).body()).doesNotContain("correct-note");
        assertThat(lead.get("/plans/" + PLAN + "/manage").status()).as("a lead does not shape plans").isEqualTo(403);
        assertThat(lead.get("/actions/" + ACTION + "/manage/cease").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void scrutinyAsksForAMeetingThatWasNotHeldAndIsToldBesideTheField() throws Exception {
        PageSession scrutiny = PageSession.signIn(port, "scrutiny");
        assertThat(scrutiny.get("/plans/" + PLAN + "/replay?asAt=2024-06-20&known=").status()).isEqualTo(200);
        PageSession.Page meeting = scrutiny.get("/plans/" + PLAN + "/compare?meeting=2024-06-20");
        assertThat(meeting.body()).contains("What changed between the board meeting before and the meeting of");
        PageSession.Page none = scrutiny.get("/plans/" + PLAN + "/compare?meeting=2024-06-21");
        assertThat(none.body()).containsPattern("id=\"meeting-error\">.*The board did not meet on that date.");
        assertThat(scrutiny.get("/plans/" + PLAN + "/manage").status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void aManagerRetiresAnObjectiveAndAnIndicatorAndCorrectsAReadingFromThePages() throws Exception {
        PageSession manager = PageSession.signIn(port, "manager");
        String base = "/plans/" + PLAN + "/manage/";
        PageSession.Page form = manager.get(base + "add-objective?priorityId=violence");
        expectRedirect(manager.post(base + "add-objective", form, Map.of("id", "violence-2", "priorityId", "violence",
                "title", "Safer parks")), "/plans/" + PLAN + "/manage");
        form = manager.get(base + "define-indicator?objectiveId=violence-1");
        expectRedirect(manager.post(base + "define-indicator", form, Map.of("id", "violence-calls", "objectiveId", "violence-1",
                "name", "Calls about violence", "unit", "COUNT", "direction", "REDUCE", "target.kind", "MONITOR_ONLY",
                "target.text", "Monitor")), "/plans/" + PLAN + "/manage");
        form = manager.get(base + "reading?indicatorId=violence-calls");
        expectRedirect(manager.post(base + "reading", form, Map.of("path.indicatorId", "violence-calls",
                "id", "violence-calls.2024_25", "value", "120", "period", "2024/25", "costPence", "15")), "/plans/" + PLAN + "/manage");

        form = manager.get(base + "correct-reading?indicatorId=violence-calls&readingId=violence-calls.2024_25");
        assertThat(form.body()).as("the form starts from the figure as recorded").containsPattern("value=\"120\"")
                .containsPattern("value=\"15\"");
        expectRedirect(manager.post(base + "correct-reading", form, Map.of("path.indicatorId", "violence-calls",
                "path.readingId", "violence-calls.2024_25", "value", "118", "costPence", "15", "reason", "police revised it")),
                "/plans/" + PLAN + "/manage");
        form = manager.get(base + "retire-indicator?indicatorId=violence-calls");
        expectRedirect(manager.post(base + "retire-indicator", form, Map.of("path.indicatorId", "violence-calls", "reason", "no longer published")),
                "/plans/" + PLAN + "/manage");
        form = manager.get(base + "retire-objective?objectiveId=violence-2");
        expectRedirect(manager.post(base + "retire-objective", form, Map.of("path.objectiveId", "violence-2", "reason", "dropped at the refresh")),
                "/plans/" + PLAN + "/manage");

        List<Object> events = eventStore.readEvents(PLAN).asStream().map(m -> (Object) m.getPayload()).toList();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(IndicatorReadingCorrected.class, c -> {
            assertThat(c.value()).isEqualByComparingTo("118");
            assertThat(c.costPence()).as("the cost kept as it was, in pence").isEqualTo(1500L);
            assertThat(c.reason()).isEqualTo("police revised it");
        }));
        assertThat(events).anyMatch(e -> e instanceof IndicatorRetired r && r.indicatorId().equals("violence-calls")
                        && r.reason().equals("no longer published"))
                .anyMatch(e -> e instanceof ObjectiveRetired r && r.objectiveId().equals("violence-2"));
        assertThat(manager.get("/plans/" + PLAN + "/manage").body()).contains("Retired");
        assertThat(manager.get(base + "add-action").body()).as("a retired objective is not offered for new actions")
                .doesNotContain("Safer parks");
        assertThat(manager.get(base + "retire-objective?objectiveId=violence-2").status()).isEqualTo(200);
        form = manager.get(base + "retire-objective?objectiveId=violence-2");
        PageSession.Page again = manager.post(base + "retire-objective", form, Map.of("path.objectiveId", "violence-2", "reason", "again"));
        assertThat(again.status()).as("retiring twice is refused on the page").isNotEqualTo(302);
    }

    private static void expectRedirect(PageSession.Page page, String location) {
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(page.location()).endsWith(location);
    }

    /** The message shown beside a field: its error paragraph, linked from the field's aria-describedby. */
    private static String message(PageSession.Page page, String fieldId) {
        Matcher error = Pattern.compile("id=\"" + fieldId + "-error\"><span class=\"visually-hidden\">Error: </span><span>([^<]*)</span>")
                .matcher(page.body());
        assertThat(error.find()).as("a message beside " + fieldId + " in " + page.body()).isTrue();
        assertThat(page.body()).containsPattern("id=\"" + fieldId + "\"[^>]*aria-describedby=\"[^\"]*" + fieldId + "-error");
        return error.group(1).replace("&#39;", "'");
    }

}
