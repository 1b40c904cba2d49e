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
import org.planledger.infra.StoredEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import java.util.ArrayList;
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
        return StoredEvents.count(jdbc);
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
    @Order(7)
    void aManagerRetiresAnObjectiveAndAnIndicatorAndCorrectsAReadingFromThePages() throws Exception {
        PageSession manager = PageSession.signIn(port, "manager");
        String base = "/plans/" + PLAN + "/manage/";
        PageSession.Page form = manager.get(base + "add-objective?priorityId=violence");
        expectRedirect(manager.post(base + "add-objective", form, Map.of("id", "violence-parks", "priorityId", "violence",
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
        expectRedirect(manager.post(base + "retire-objective", form, Map.of("path.objectiveId", "violence-parks", "reason", "dropped at the refresh")),
                "/plans/" + PLAN + "/manage");

        List<Object> events = eventStore.readEvents(PLAN).asStream().map(m -> (Object) m.getPayload()).toList();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(IndicatorReadingCorrected.class, c -> {
            assertThat(c.value()).isEqualByComparingTo("118");
            assertThat(c.costPence()).as("the cost kept as it was, in pence").isEqualTo(1500L);
            assertThat(c.reason()).isEqualTo("police revised it");
        }));
        assertThat(events).anyMatch(e -> e instanceof IndicatorRetired r && r.indicatorId().equals("violence-calls")
                        && r.reason().equals("no longer published"))
                .anyMatch(e -> e instanceof ObjectiveRetired r && r.objectiveId().equals("violence-parks"));
        assertThat(manager.get("/plans/" + PLAN + "/manage").body()).contains("Retired");
        assertThat(manager.get(base + "add-action").body()).as("a retired objective is not offered for new actions")
                .doesNotContain("Safer parks");
        assertThat(manager.get(base + "retire-objective?objectiveId=violence-2").status()).isEqualTo(200);
        form = manager.get(base + "retire-objective?objectiveId=violence-2");
        PageSession.Page again = manager.post(base + "retire-objective", form, Map.of("path.objectiveId", "violence-parks", "reason", "again"));
        assertThat(again.status()).as("retiring twice is refused on the page").isNotEqualTo(302);
    }

    /**
     * Optimistic concurrency, as the API has it: each form carries the version of what it showed and
     * sends it as If-Match. Two managers open the same priority; the second to send is refused with who
     * changed it, when and how, the current value beside the field, and nothing stored; having looked,
     * sending again applies it. The same for an action's form after its lead recorded a note meanwhile.
     */
    @Test
    @Order(5)
    void aFormSentAfterSomeoneElseChangedTheRecordIsRefusedAndStoresNothing() throws Exception {
        PageSession first = PageSession.signIn(port, "manager");
        PageSession second = PageSession.signIn(port, "manager");
        String revise = "/plans/" + PLAN + "/manage/revise-priority";
        PageSession.Page mine = first.get(revise + "?priorityId=violence");
        PageSession.Page theirs = second.get(revise + "?priorityId=violence");
        assertThat(PageSession.hidden(mine)).containsKey(ManagePages.VERSION_FIELD);
        expectRedirect(second.post(revise, theirs, Map.of("title", "Violence and exploitation")), "/plans/" + PLAN + "/manage");

        long before = storedEvents();
        PageSession.Page refused = first.post(revise, mine, Map.of("title", "Violence in public places"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was changed")
                .containsPattern("Changed by manager at [^(<]+\\(Priority revised\\) since you opened this page, so nothing was stored")
                .contains("value=\"Violence in public places\"");
        assertThat(now(refused, "f-title")).isEqualTo("Violence and exploitation");
        assertThat(storedEvents()).as("nothing stored from the stale form").isEqualTo(before);
        // The refused page carries the version it showed: sent again, knowingly, it applies.
        expectRedirect(first.post(revise, refused, Map.of("title", "Violence in public places")), "/plans/" + PLAN + "/manage");
        assertThat(first.get("/plans/" + PLAN + "/manage").body()).contains("Violence in public places");

        // An action's form: the lead records a note while the manager has the reschedule form open.
        PageSession lead = PageSession.signIn(port, "lead1");
        String reschedule = "/actions/" + ACTION + "/manage/reschedule";
        PageSession.Page form = first.get(reschedule);
        PageSession.Page record = lead.get("/actions/" + ACTION + "/record");
        expectRedirect(lead.post("/actions/" + ACTION + "/record/progress", record,
                Map.of("period", "2024-07", "text", "Marshals at three ranks")), "/actions/" + ACTION);
        before = storedEvents();
        refused = first.post(reschedule, form, Map.of("startDate", "2024-05-01", "endDate", "2025-06-30", "reason", "Late start"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("Changed by lead1 at [^(<]+\\(Progress note recorded\\)");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(first.get("/actions/" + ACTION).body()).doesNotContain("Late start");
    }

    /** The plan's members, indicator links, an action's risks and referral cases, each through the API's endpoint. */
    @Test
    @Order(6)
    void membersIndicatorLinksRisksAndReferralsAreKeptInPages() throws Exception {
        PageSession manager = PageSession.signIn(port, "manager");
        String base = "/plans/" + PLAN + "/manage/";
        String manage = "/plans/" + PLAN + "/manage";

        // A member joins, then leaves: the same record, with an end date.
        PageSession.Page join = manager.get(base + "member-joins");
        String memberId = PageSession.hidden(join).get("path.memberId");
        assertThat(memberId).as("a new member's id is made once, when the form is shown").isNotBlank();
        long before = storedEvents();
        PageSession.Page refused = manager.post(base + "member-joins", join, Map.of("name", "Ann Lee", "from", "1/4/2024"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-from")).isEqualTo("Enter a date such as 2013-06-30.");
        assertThat(storedEvents()).isEqualTo(before);
        expectRedirect(manager.post(base + "member-joins", join, Map.of("name", "Ann Lee",
                "organisation", "Kettering Borough Council", "role", "Chair", "from", "2024-04-01")), manage);
        assertThat(manager.get(manage).body()).contains("Ann Lee").contains("member-leaves?memberId=" + memberId);
        PageSession.Page leave = manager.get(base + "member-leaves?memberId=" + memberId);
        assertThat(leave.body()).as("starts from the record").contains("value=\"Ann Lee\"").contains("value=\"Chair\"");
        expectRedirect(manager.post(base + "member-leaves", leave, Map.of("name", "Ann Lee",
                "organisation", "Kettering Borough Council", "role", "Chair", "from", "2024-04-01", "to", "2025-03-31")), manage);
        assertThat(lastEventOf(PLAN)).contains("PlanMemberRecorded").contains("2025-03-31").contains("Ann Lee");

        // An indicator is shared with a second objective, chosen from the plan's objectives.
        expectRedirect(manager.post(base + "define-indicator", manager.get(base + "define-indicator?objectiveId=violence-1"),
                Map.of("id", "nte-violence", "objectiveId", "violence-1", "name", "Violence in the night-time economy",
                        "unit", "COUNT", "direction", "REDUCE", "target.kind", "PERCENT_CHANGE", "target.value", "5",
                        "target.text", "5% reduction")), manage);
        expectRedirect(manager.post(base + "add-objective", manager.get(base + "add-objective"), Map.of("id", "violence-3",
                "priorityId", "violence", "title", "Reduce repeat domestic abuse")), manage);
        PageSession.Page link = manager.get(base + "link-indicator?indicatorId=nte-violence");
        assertThat(link.body()).contains("Indicator: Violence in the night-time economy")
                .containsPattern("<option value=\"violence-3\">[^<]*Reduce repeat domestic abuse</option>");
        before = storedEvents();
        refused = manager.post(base + "link-indicator", link, Map.of("objectiveId", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-objectiveId")).isEqualTo("Enter objective it also measures.");
        assertThat(storedEvents()).isEqualTo(before);
        expectRedirect(manager.post(base + "link-indicator", link, Map.of("objectiveId", "violence-3")), manage);
        assertThat(lastEventOf(PLAN)).contains("IndicatorLinked").contains("violence-3");

        // The lead identifies, reassesses and closes a risk on their action.
        PageSession lead = PageSession.signIn(port, "lead1");
        String forms = "/actions/" + ACTION + "/manage/";
        String action = "/actions/" + ACTION;
        PageSession.Page identify = lead.get(forms + "identify-risk");
        before = storedEvents();
        refused = lead.post(forms + "identify-risk", identify, Map.of("description", "Marshals not recruited",
                "likelihood", "7", "impact", "3"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused, "f-likelihood")).isNotBlank();
        assertThat(storedEvents()).isEqualTo(before);
        expectRedirect(lead.post(forms + "identify-risk", identify, Map.of("id", "marshals-risk",
                "description", "Marshals not recruited", "likelihood", "3", "impact", "4", "owner", "Jo Smith")), action);
        assertThat(lead.get(action).body()).contains("reassess-risk?riskId=marshals-risk").contains("close-risk?riskId=marshals-risk");
        PageSession.Page reassess = lead.get(forms + "reassess-risk?riskId=marshals-risk");
        assertThat(reassess.body()).contains("value=\"Jo Smith\"").contains("Risk: Marshals not recruited");
        expectRedirect(lead.post(forms + "reassess-risk", reassess, Map.of("likelihood", "2", "impact", "4",
                "owner", "Jo Smith", "reason", "Six marshals recruited")), action);
        PageSession.Page closeRisk = lead.get(forms + "close-risk?riskId=marshals-risk");
        before = storedEvents();
        refused = lead.post(forms + "close-risk", closeRisk, Map.of("reason", " "));
        assertThat(message(refused, "f-reason")).isEqualTo("Enter why it is closed.");
        assertThat(storedEvents()).isEqualTo(before);
        expectRedirect(lead.post(forms + "close-risk", closeRisk, Map.of("reason", "All ranks staffed")), action);
        assertThat(lead.get(action).body()).contains("likelihood <span>2</span>").contains("Closed: All ranks staffed");

        // Referral cases: accepted, declined (with a reason) and closed with outcome and cost, by the action's lead.
        for (String agency : List.of("Northamptonshire Police", "Victim Support")) {
            expectRedirect(lead.post(action + "/record/referral", lead.get(action + "/record"),
                    Map.of("receivedOn", "2024-07-01", "referringAgency", agency)), action);
        }
        Matcher received = Pattern.compile("accept-referral\\?referralId=([^\"&]+)").matcher(lead.get(action).body());
        List<String> cases = new ArrayList<>();
        while (received.find()) {
            cases.add(received.group(1));
        }
        assertThat(cases).hasSize(2);
        PageSession.Page accept = lead.get(forms + "accept-referral?referralId=" + cases.get(0));
        assertThat(PageSession.hidden(accept)).as("the case's version, sent as If-Match").containsKey(ManagePages.VERSION_FIELD);
        expectRedirect(lead.post(forms + "accept-referral", accept, Map.of()), action);
        PageSession.Page decline = lead.get(forms + "decline-referral?referralId=" + cases.get(1));
        before = storedEvents();
        refused = lead.post(forms + "decline-referral", decline, Map.of("reason", ""));
        assertThat(message(refused, "f-reason")).isEqualTo("Enter why it is declined.");
        assertThat(storedEvents()).isEqualTo(before);
        expectRedirect(lead.post(forms + "decline-referral", decline, Map.of("reason", "Outside the scheme area")), action);
        PageSession.Page closeCase = lead.get(forms + "close-referral?referralId=" + cases.get(0));
        before = storedEvents();
        refused = lead.post(forms + "close-referral", closeCase, Map.of("outcome", "", "costPence", "250"));
        assertThat(message(refused, "f-outcome")).isEqualTo("Enter outcome.");
        assertThat(storedEvents()).isEqualTo(before);
        expectRedirect(lead.post(forms + "close-referral", closeCase, Map.of("outcome", "Locks fitted", "costPence", "250.00")), action);
        assertThat(lead.get(action).body()).contains("Locks fitted").contains("Outside the scheme area").contains("£250");

        PageSession other = PageSession.signIn(port, "lead2");
        assertThat(other.get(forms + "identify-risk").status()).as("lead2 does not lead the action").isEqualTo(403);
        assertThat(other.get(forms + "accept-referral?referralId=" + cases.get(0)).status()).isEqualTo(403);
        assertThat(lead.get(base + "member-joins").status()).as("a lead does not keep the members").isEqualTo(403);
    }

    /** The last event of an aggregate, as its type and payload. */
    private String lastEventOf(String aggregateId) {
        DomainEventMessage<?> last = eventStore.readEvents(aggregateId).asStream().reduce((a, b) -> b).orElseThrow();
        return last.getPayloadType().getSimpleName() + " " + last.getPayload();
    }

    /** The record's current value shown beside a field of a form refused as out of date. */
    private static String now(PageSession.Page page, String fieldId) {
        Matcher now = Pattern.compile("id=\"" + fieldId + "-now\">Now, after the other change: <strong>([^<]*)</strong>")
                .matcher(page.body());
        assertThat(now.find()).as("the current value beside " + fieldId + " in " + page.body()).isTrue();
        return now.group(1);
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
