package org.planledger.query.replay;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the diff and the audit trail say an event changed, with the value before and after it. */
class EventDescriptionsTest {

    private static final String PLAN = "kettering-2013";
    private static final String ACTION = "asb-target-hardening";
    private static final Lead JO = new Lead("Jo Smith", "Northamptonshire Police", "lead1");
    private static final Lead SAM = new Lead("Sam Patel", "Kettering Borough Council", "lead2");

    private final List<RecordedEvent> journal = new ArrayList<>();

    @BeforeEach
    void planWithOneAction() {
        record(new PlanDrafted(PLAN, "Kettering CSP", "Community Safety Plan 2013-2016", d("2013-04-01"), d("2016-03-31"),
                Cadence.QUARTERLY, d("2012-04-01")));
        record(new PriorityAdded(PLAN, "asb", "Anti-social behaviour", List.of("Kettering BC"), d("2012-04-01")));
        record(new ObjectiveAdded(PLAN, "asb", "asb-1", "Reduce ASB perception", List.of(), d("2012-04-01")));
        record(new ActionRegistered(PLAN, "asb-1", ACTION, "digest", d("2012-04-01")));
        record(new ActionAdded(PLAN, "asb-1", ACTION, "Target hardening", List.of(), List.of(), List.of(), List.of(JO),
                List.of(), d("2012-04-01"), d("2014-03-31"), List.of(), d("2012-04-01")));
    }

    @Test
    void every_event_type_reads_as_one_plain_label_under_one_kind_of_change() {
        EventDescriptions wording = new EventDescriptions();
        List<String> types = EventTypes.all().stream().map(Class::getSimpleName).toList();
        assertThat(types).allSatisfy(type -> assertThat(EventDescriptions.kindOf(type)).as(type).isPresent());
        assertThat(types.stream().map(wording::label).toList()).doesNotHaveDuplicates()
                .allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(java.util.Arrays.stream(ChangeKind.values()).flatMap(kind -> kind.eventTypes().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(types);
        assertThat(wording.label("RagAssessed")).isEqualTo("RAG rating given");
        assertThat(ChangeKind.byKey("action-added").orElseThrow().eventTypes()).containsExactlyInAnyOrder("ActionRegistered", "ActionAdded");
        // a name no event has (a type removed since it was journaled) still reads as words
        assertThat(EventDescriptions.kindOf("SomethingHappened")).isEmpty();
        assertThat(wording.label("SomethingHappened")).isEqualTo("Something happened");
    }

    @Test
    void an_events_own_reason_is_given_when_the_metadata_has_none() {
        RecordedEvent retired = RecordedEvent.of(1, new PriorityRetired(PLAN, "asb", "Merged into vulnerability", d("2014-04-01")),
                new AuditInfo("manager", List.of("PLAN_MANAGER"), null, "api", null, null), Instant.parse("2014-04-01T09:00:00Z"));
        assertThat(EventDescriptions.reason(retired)).isEqualTo("Merged into vulnerability");
        RecordedEvent withReason = RecordedEvent.of(2, retired.event(), new AuditInfo("manager", List.of("PLAN_MANAGER"),
                "refresh 2014", "api", null, null), Instant.parse("2014-04-01T09:00:00Z"));
        assertThat(EventDescriptions.reason(withReason)).isEqualTo("refresh 2014");
    }

    @Test
    void a_drafted_plan_is_described_by_its_title() {
        journal.clear();

        assertThat(describe(new PlanDrafted(PLAN, "Kettering CSP", "Community Safety Plan 2013-2016", d("2013-04-01"),
                d("2016-03-31"), Cadence.QUARTERLY, d("2012-04-01"))))
                .containsExactly(new Change("PLAN_DRAFTED", null, PLAN, "title", null, "Community Safety Plan 2013-2016"));
    }

    @Test
    void a_rag_rating_says_the_colour_it_replaced() {
        record(new RagAssessed(PLAN, ACTION, RagStatus.AMBER, "PCC bid pending", d("2012-06-01")));

        assertThat(describe(new RagAssessed(PLAN, ACTION, RagStatus.GREEN, "Funded", d("2013-06-01"))))
                .containsExactly(new Change("RAG_CHANGED", ACTION, null, "rag", "AMBER", "GREEN"));
    }

    @Test
    void a_correction_shows_the_wording_it_replaced() {
        record(new ProgressRecorded(PLAN, ACTION, "n2", "2013-06", "Bid successful, £17.7k awarded", d("2013-06-01")));

        assertThat(describe(new ProgressNoteCorrected(PLAN, ACTION, "n2", "Bid successful, £17,700 awarded by the PCC",
                "Amount in full", d("2013-07-15"))))
                .containsExactly(new Change("NOTE_CORRECTED", ACTION, "n2", "text", "Bid successful, £17.7k awarded",
                        "Bid successful, £17,700 awarded by the PCC"));
    }

    @Test
    void a_reschedule_lists_only_the_dates_that_moved() {
        assertThat(describe(new ActionRescheduled(PLAN, ACTION, d("2012-04-01"), d("2015-03-31"),
                "Extended after contractor change", d("2014-01-10"))))
                .containsExactly(new Change("DATES_CHANGED", ACTION, null, "endDate", "2014-03-31", "2015-03-31"));
    }

    @Test
    void a_lead_change_names_the_leads_and_their_organisations() {
        assertThat(describe(new ActionLeadsChanged(PLAN, ACTION, List.of(JO, SAM), "Council joins delivery", d("2013-09-01"))))
                .containsExactly(new Change("LEADS_CHANGED", ACTION, null, "leads", "Jo Smith (Northamptonshire Police)",
                        "Jo Smith (Northamptonshire Police); Sam Patel (Kettering Borough Council)"));
    }

    @Test
    void closing_a_referral_case_gives_its_status_and_what_it_cost() {
        record(new ReferralRecorded(PLAN, ACTION, "r1", d("2013-05-10"), "Police", "subj-1", null, d("2013-05-10")));
        record(new ReferralAccepted(PLAN, ACTION, "r1", d("2013-05-12")));

        assertThat(describe(new ReferralClosed(PLAN, ACTION, "r1", "Locks fitted", 15_000L, d("2013-07-20"))))
                .containsExactly(new Change("REFERRAL_CLOSED", ACTION, "r1", "status", "ACCEPTED", "CLOSED (£150.00)"));
    }

    @Test
    void a_revision_that_changes_nothing_says_nothing() {
        assertThat(describe(new PriorityRevised(PLAN, "asb", "Anti-social behaviour", List.of("Kettering BC"), d("2013-04-01"))))
                .isEmpty();
    }

    @Test
    void the_write_sides_bookkeeping_is_not_described_as_a_change() {
        assertThat(describe(new ActionRegistered(PLAN, "asb-1", "another-action", "digest", d("2013-01-01")))).isEmpty();
        assertThat(describe(new ReferralRegistered(PLAN, ACTION, "r9", "digest", d("2013-01-01")))).isEmpty();
    }

    private List<Change> describe(PlanLedgerEvent event) {
        PlanView before = PlanReducer.fold(PLAN, journal);
        RecordedEvent recorded = record(event);
        return EventDescriptions.changes(before, PlanReducer.apply(before, recorded), recorded);
    }

    private RecordedEvent record(PlanLedgerEvent event) {
        long sequence = journal.size();
        RecordedEvent recorded = RecordedEvent.of(sequence, event, AuditInfo.NONE,
                Instant.parse("2014-01-01T09:00:00Z").plusSeconds(60 * sequence));
        journal.add(recorded);
        return recorded;
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
