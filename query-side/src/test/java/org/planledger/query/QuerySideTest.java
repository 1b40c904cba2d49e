package org.planledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.*;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.journal.JournalReader;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordDocuments;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.planledger.query.KetteringScenario.*;

class QuerySideTest {

    private TestLedger ledger;

    @BeforeEach
    void start() {
        ledger = new TestLedger();
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    private List<EventMessage<?>> feedScenario() {
        List<EventMessage<?>> messages = KetteringScenario.events().messages();
        ledger.feed(messages, 7);
        return messages;
    }

    private BoardAction action(BoardView board, String actionId) {
        return board.priorities().stream().flatMap(p -> p.objectives().stream()).flatMap(o -> o.actions().stream())
                .filter(a -> a.actionId().equals(actionId)).findFirst().orElseThrow();
    }

    @Test
    void folding_the_whole_journal_gives_the_live_board_document() {
        feedScenario();

        List<RecordedEvent> journal = new JournalReader(ledger.database).planEvents(PLAN).orElseThrow();
        PlanView folded = PlanReducer.fold(PLAN, journal);
        PlanView live = ledger.model.board().findPlan(PLAN).orElseThrow();

        assertThat(journal).hasSize(KetteringScenario.events().messages().size());
        assertThat(folded).isEqualTo(live);
        Document stored = ledger.database.getCollection("board").find(new Document("_id", PLAN)).first();
        assertThat(stored.get("view", Document.class)).isEqualTo(RecordDocuments.encode(folded));
        // and so the replay "as at today" is the live board
        assertThat(ledger.model.planReplay().handle(new FindPlanAsAt(PLAN, LocalDate.now(TestLedger.TODAY), null)))
                .isEqualTo(ledger.model.board().handle(new FindBoardView(PLAN)));
    }

    @Test
    void live_board_shows_flags_for_today_rag_counts_and_indicator_status() {
        feedScenario();

        BoardView board = ledger.model.board().handle(new FindBoardView(PLAN)).orElseThrow();

        assertThat(board.asAt()).isEqualTo(d("2014-06-30"));
        assertThat(board.rag()).isEqualTo(new RagCounts(1, 0, 0, 1));
        assertThat(board.priorities().get(0).rag()).isEqualTo(new RagCounts(1, 0, 0, 1));
        BoardAction hardening = action(board, A1);
        assertThat(hardening.rag()).isEqualTo(RagStatus.RED);
        assertThat(hardening.latestNote().text()).isEqualTo("Bid successful, £17,700 awarded by the PCC");
        assertThat(hardening.daysSinceLastNote()).isEqualTo(394);
        assertThat(hardening.stale()).isTrue();
        assertThat(hardening.overdue()).isFalse();
        assertThat(hardening.endDate()).isEqualTo(d("2015-03-31"));
        assertThat(hardening.leads()).containsExactly(JO, SAM);
        assertThat(hardening.referrals()).isEqualTo(new ReferralTotals(new FinancialYear(2014), 1, 20_000L));
        BoardAction decc = action(board, A2);
        assertThat(decc.status()).isEqualTo(ActionStatus.CEASED);
        assertThat(decc.latestNote()).isNull();
        assertThat(decc.overdue()).isFalse();
        assertThat(decc.stale()).isFalse();
        BoardIndicator indicator = board.priorities().get(0).objectives().get(0).indicators().get(0);
        assertThat(indicator.latestReading().value()).isEqualByComparingTo("8.5");
        assertThat(indicator.target().kind()).isEqualTo(TargetKind.PERCENT_CHANGE);
        assertThat(indicator.onTrack()).isFalse(); // 8.5 against 5% below the 8.5 baseline

        assertThat(ledger.model.board().handle(new ListPlans()).plans())
                .extracting(PlanSummary::planId, PlanSummary::cadence).containsExactly(tuple(PLAN, Cadence.QUARTERLY));
    }

    @Test
    void redelivered_events_are_not_counted_twice() {
        List<EventMessage<?>> messages = feedScenario();
        Map<String, List<Document>> once = ledger.snapshot();

        ledger.feed(messages, 7);                   // the whole stream again
        ledger.feed(messages.subList(10, 25), 1);   // and a partial redelivery after a "crash"

        assertThat(ledger.snapshot()).isEqualTo(once);
        ReferralStatistics year = ledger.model.referralStatistics()
                .handle(new FindReferralStatistics(PLAN, new FinancialYear(2013))).orElseThrow();
        assertThat(year.total().received()).isEqualTo(3);
        assertThat(ledger.model.actionHistory().handle(new FindActionHistory(A1)).orElseThrow().notes()).hasSize(3);
    }

    @Test
    void reset_then_replay_rebuilds_identical_documents_whatever_the_batch_size() {
        List<EventMessage<?>> messages = feedScenario();
        Map<String, List<Document>> original = ledger.snapshot();

        ledger.resetAll();
        assertThat(ledger.snapshot().values()).allSatisfy(documents -> assertThat(documents).isEmpty());

        ledger.feed(messages, 1);
        assertThat(ledger.snapshot()).isEqualTo(original);
        ledger.resetAll();
        ledger.feed(messages, 500);
        assertThat(ledger.snapshot()).isEqualTo(original);
    }

    @Test
    void plan_as_at_three_dates_and_as_known_at_an_instant() {
        feedScenario();
        var replay = ledger.model.planReplay();

        // End of 2012: the September 2012 note imported in 2014 is part of the plan as at that date...
        BoardView end2012 = replay.handle(new FindPlanAsAt(PLAN, d("2012-12-31"), null)).orElseThrow();
        assertThat(action(end2012, A1).latestNote().text()).isEqualTo("Twelve homes secured since launch");
        assertThat(action(end2012, A1).rag()).isEqualTo(RagStatus.AMBER);
        assertThat(action(end2012, A2).status()).isEqualTo(ActionStatus.OPEN);
        assertThat(action(end2012, A2).latestNote()).isNull();       // its only note was withdrawn
        assertThat(action(end2012, A2).stale()).isTrue();            // started June, nothing since
        assertThat(end2012.asAt()).isEqualTo(d("2012-12-31"));

        // ...but the board at the time did not know it yet.
        Instant knownAt = Instant.parse("2012-12-31T23:59:59Z");
        BoardView believed = replay.handle(new FindPlanAsAt(PLAN, d("2012-12-31"), knownAt)).orElseThrow();
        assertThat(action(believed, A1).latestNote().text()).isEqualTo("Scheme launched with Fire and Rescue");
        assertThat(action(believed, A1).daysSinceLastNote()).isEqualTo(213);
        assertThat(believed.knownAt()).isEqualTo(knownAt);

        // Mid 2013, known before the correction: the original wording.
        BoardView june2013 = replay.handle(new FindPlanAsAt(PLAN, d("2013-06-30"), Instant.parse("2013-07-01T00:00:00Z"))).orElseThrow();
        assertThat(action(june2013, A1).latestNote().text()).isEqualTo("Bid successful, £17.7k awarded");
        assertThat(action(june2013, A1).rag()).isEqualTo(RagStatus.GREEN);

        // End of 2013: corrected note, ceased action, this financial year's referrals.
        BoardView end2013 = replay.handle(new FindPlanAsAt(PLAN, d("2013-12-31"), null)).orElseThrow();
        BoardAction a1 = action(end2013, A1);
        assertThat(a1.latestNote().text()).isEqualTo("Bid successful, £17,700 awarded by the PCC");
        assertThat(a1.leads()).containsExactly(JO, SAM);
        assertThat(a1.referrals()).isEqualTo(new ReferralTotals(new FinancialYear(2013), 2, 15_000L));
        assertThat(a1.fundingPence()).isEqualTo(1_770_000L);
        assertThat(a1.overdue()).isFalse();
        assertThat(action(end2013, A2).status()).isEqualTo(ActionStatus.CEASED);
        assertThat(end2013.rag()).isEqualTo(new RagCounts(0, 0, 1, 1));

        // Mid 2014 before the reschedule was known, the action looks overdue.
        BoardView beforeReschedule = replay.handle(new FindPlanAsAt(PLAN, d("2014-06-30"), Instant.parse("2014-01-10T10:01:00Z"))).orElseThrow();
        assertThat(action(beforeReschedule, A1).overdue()).isTrue();

        assertThat(replay.handle(new FindPlanAsAt(PLAN, d("2012-03-01"), null))).isEmpty(); // not drafted yet
    }

    @Test
    void diff_lists_every_kind_of_change_with_before_after_actor_and_reason() {
        TestLedger.Events events = KetteringScenario.events();
        events.as("manager", "PLAN_MANAGER");
        events.add(new ActionReopened(PLAN, A2, "DECC funding restored", d("2014-05-10")), "2014-05-10T09:00:00Z");
        events.add(new ActionCompleted(PLAN, A2, "Advice delivered", d("2014-06-01")), "2014-06-02T09:00:00Z");
        ledger.feed(events.messages(), 50);
        var replay = ledger.model.planReplay();

        PlanDiff first = replay.handle(new DiffPlan(PLAN, d("2012-03-31"), d("2012-12-31"))).orElseThrow();
        assertThat(first.changes()).extracting(DiffChange::kind).contains("ACTION_ADDED", "NOTE_ADDED", "NOTE_WITHDRAWN", "RAG_CHANGED");
        assertThat(first.changes()).filteredOn(c -> c.kind().equals("ACTION_ADDED")).extracting(DiffChange::actionId)
                .containsExactly(A1, A2);
        assertThat(first.changes()).filteredOn(c -> c.kind().equals("NOTE_WITHDRAWN")).singleElement()
                .satisfies(c -> {
                    assertThat(c.actor()).isEqualTo("lead2");
                    assertThat(c.reason()).isEqualTo("Recorded against the wrong action");
                    assertThat(c.subjectId()).isEqualTo("n3");
                });

        PlanDiff diff = replay.handle(new DiffPlan(PLAN, d("2013-01-01"), d("2014-06-30"))).orElseThrow();
        List<DiffChange> changes = diff.changes();
        assertThat(changes).extracting(DiffChange::effectiveOn).isSorted();
        assertThat(changes).extracting(DiffChange::kind).contains("ACTION_CEASED", "ACTION_REOPENED", "ACTION_COMPLETED",
                "RAG_CHANGED", "NOTE_ADDED", "NOTE_CORRECTED", "BASELINE_CHANGED", "TARGET_CHANGED", "LEADS_CHANGED",
                "DATES_CHANGED", "FUNDING_ALLOCATED", "SPEND_RECORDED", "REFERRAL_RECORDED", "REFERRAL_CLOSED");
        assertThat(changes).extracting(DiffChange::kind).doesNotContain("ACTION_ADDED", "NOTE_WITHDRAWN");
        assertThat(changes).filteredOn(c -> c.kind().equals("ACTION_CEASED")).singleElement().satisfies(c -> {
            assertThat(c.actionId()).isEqualTo(A2);
            assertThat(c.before()).isEqualTo("OPEN");
            assertThat(c.after()).isEqualTo("CEASED");
            assertThat(c.actor()).isEqualTo("lead2");
            assertThat(c.reason()).isEqualTo("DECC no longer operating owing to costs");
            assertThat(c.effectiveOn()).isEqualTo(d("2013-02-01"));
            assertThat(c.recordedAt()).isEqualTo(Instant.parse("2013-02-05T09:00:00Z"));
        });
        assertThat(changes).filteredOn(c -> c.kind().equals("RAG_CHANGED"))
                .extracting(DiffChange::before, DiffChange::after, DiffChange::reason)
                .containsExactly(tuple("AMBER", "GREEN", "Funded"), tuple("GREEN", "RED", "Contractor withdrew"));
        assertThat(changes).filteredOn(c -> c.kind().equals("NOTE_CORRECTED")).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo("Bid successful, £17.7k awarded");
            assertThat(c.after()).isEqualTo("Bid successful, £17,700 awarded by the PCC");
            assertThat(c.reason()).isEqualTo("Amount written in full");
        });
        assertThat(changes).filteredOn(c -> c.kind().equals("DATES_CHANGED"))
                .extracting(DiffChange::field, DiffChange::before, DiffChange::after)
                .containsExactly(tuple("endDate", "2014-03-31", "2015-03-31"));
        assertThat(changes).filteredOn(c -> c.kind().equals("LEADS_CHANGED")).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo("Jo Smith (Northamptonshire Police)");
            assertThat(c.after()).isEqualTo("Jo Smith (Northamptonshire Police); Sam Patel (Kettering Borough Council)");
            assertThat(c.reason()).isEqualTo("Council joins delivery");
        });
        assertThat(changes).filteredOn(c -> c.kind().equals("BASELINE_CHANGED")).singleElement()
                .extracting(DiffChange::before, DiffChange::after)
                .isEqualTo(List.of("9.7% (2012/2013 Police Local Survey)", "8.5% (2013/2014 Police Local Survey)"));
        assertThat(changes).filteredOn(c -> c.kind().equals("TARGET_CHANGED") && c.field().equals("target")).singleElement()
                .extracting(DiffChange::before, DiffChange::after).isEqualTo(List.of("Reduce to below 9%", "5% reduction"));
        assertThat(changes).filteredOn(c -> c.kind().equals("ACTION_COMPLETED")).singleElement()
                .extracting(DiffChange::before, DiffChange::after).isEqualTo(List.of("OPEN", "COMPLETED"));
        // the imported 2012 note is not a change of this period
        assertThat(changes).noneMatch(c -> "n4".equals(c.subjectId()));
        assertThat(diff.ragFrom()).isEqualTo(new RagCounts(0, 1, 0, 1));
        assertThat(diff.ragTo()).isEqualTo(new RagCounts(1, 0, 0, 1));
    }

    @Test
    void audit_trail_filters_pages_newest_first_with_before_and_after() {
        List<EventMessage<?>> messages = feedScenario();
        var audit = ledger.model.auditTrail();

        AuditTrailPage all = audit.handle(new FindAuditTrail(AuditFilter.forPlan(PLAN), 0, 5));
        assertThat(all.total()).isEqualTo(messages.size());
        assertThat(all.entries()).hasSize(5).extracting(AuditEntry::sequence).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        AuditEntry newest = all.entries().get(0);
        assertThat(newest.type()).isEqualTo("ProgressRecorded");
        assertThat(newest.actor()).isEqualTo("lead1");
        assertThat(newest.actorRoles()).containsExactly("DELIVERY_LEAD");
        assertThat(newest.aggregateType()).isEqualTo("Action");
        assertThat(newest.aggregateId()).isEqualTo(A1);
        assertThat(newest.effectiveOn()).isEqualTo(d("2012-09-01"));
        assertThat(newest.source()).isEqualTo("api");
        assertThat(newest.correlationId()).isNotNull();

        AuditTrailPage rag = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, "RagAssessed", null, null), 0, 2));
        assertThat(rag.total()).isEqualTo(3);
        assertThat(rag.entries()).extracting(e -> e.changes().get(0))
                .containsExactly(new FieldChange("rag", "GREEN", "RED"), new FieldChange("rag", "AMBER", "GREEN"));
        AuditTrailPage ragPage2 = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, "RagAssessed", null, null), 1, 2));
        assertThat(ragPage2.entries()).extracting(e -> e.changes().get(0)).containsExactly(new FieldChange("rag", null, "AMBER"));
        assertThat(ragPage2.page()).isEqualTo(1);

        AuditTrailPage byLead2 = audit.handle(new FindAuditTrail(new AuditFilter(null, null, "lead2", null, null, null), 0, 50));
        assertThat(byLead2.entries()).extracting(AuditEntry::type)
                .containsExactly("ActionCeased", "ProgressNoteWithdrawn", "ProgressRecorded");
        assertThat(byLead2.entries().get(0).reason()).isEqualTo("DECC no longer operating owing to costs");

        AuditTrailPage correction = audit.handle(new FindAuditTrail(new AuditFilter(null, A1, null, "ProgressNoteCorrected", null, null), 0, 10));
        assertThat(correction.entries()).singleElement().extracting(AuditEntry::changes).isEqualTo(List.of(
                new FieldChange("text", "Bid successful, £17.7k awarded", "Bid successful, £17,700 awarded by the PCC")));

        AuditTrailPage rebaseline = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, "kettering-2013", null, "IndicatorRebaselined", null, null), 0, 10));
        assertThat(rebaseline.entries()).singleElement().extracting(AuditEntry::changes).isEqualTo(List.of(
                new FieldChange("baseline", "9.7% (2012/2013 Police Local Survey)", "8.5% (2013/2014 Police Local Survey)"),
                new FieldChange("target", "Reduce to below 9%", "5% reduction"),
                new FieldChange("changeRequired", "0.7 points", "0.4 points")));

        AuditTrailPage rescheduled = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, "ActionRescheduled", null, null), 0, 10));
        assertThat(rescheduled.entries().get(0).changes()).containsExactly(new FieldChange("endDate", "2014-03-31", "2015-03-31"));

        AuditTrailPage oneDay = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, null,
                Instant.parse("2013-06-20T00:00:00Z"), Instant.parse("2013-06-21T00:00:00Z")), 0, 10));
        assertThat(oneDay.entries()).extracting(AuditEntry::type)
                .containsExactly("FundingAllocated", "RagAssessed", "ProgressRecorded");

        // What each entry changed, by the name people know it by (ids beside)
        assertThat(rag.entries().get(0)).extracting(AuditEntry::subjectKind, AuditEntry::subjectId, AuditEntry::subjectTitle)
                .containsExactly("Action", A1, "Target hardening for repeat victims");
        assertThat(rebaseline.entries().get(0)).extracting(AuditEntry::subjectKind, AuditEntry::subjectTitle)
                .containsExactly("Indicator", "Perception of ASB");
        AuditTrailPage meetings = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, "BoardMeetingRecorded", null, null), 0, 10));
        assertThat(meetings.entries()).extracting(AuditEntry::subjectKind).containsOnly("Board meeting");
        AuditTrailPage drafted = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, "PlanDrafted", null, null), 0, 10));
        assertThat(drafted.entries()).singleElement().extracting(AuditEntry::subjectKind, AuditEntry::subjectTitle)
                .containsExactly("Plan", "Community Safety Plan 2013-2016");
        AuditTrailPage priority = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, "PriorityAdded", null, null), 0, 10));
        assertThat(priority.entries()).singleElement().extracting(AuditEntry::subjectTitle).isEqualTo("Anti-social behaviour");

        // any of several people (a name's user ids) and any of several types (one plain label's)
        AuditTrailPage leadsNotes = audit.handle(new FindAuditTrail(new AuditFilter(PLAN, null, null, null, null, null,
                java.util.Set.of("lead1", "lead2"), java.util.Set.of("ProgressRecorded", "ProgressNoteWithdrawn")), 0, 50));
        assertThat(leadsNotes.entries()).extracting(AuditEntry::type)
                .containsExactlyInAnyOrder("ProgressRecorded", "ProgressRecorded", "ProgressRecorded", "ProgressRecorded", "ProgressNoteWithdrawn");
        AuditTrailPage acrossPlans = audit.handle(new FindAuditTrail(new AuditFilter(null, null, null, null, null, null,
                java.util.Set.of("manager"), java.util.Set.of("BoardMeetingRecorded")), 0, 50));
        assertThat(acrossPlans.total()).isEqualTo(meetings.total());

        assertThat(new FindAuditTrail(null, -3, 10_000).size()).isEqualTo(FindAuditTrail.MAX_PAGE_SIZE);
        assertThat(audit.handle(new FindAuditTrail(AuditFilter.forPlan("unknown"), 0, 10)).entries()).isEmpty();
    }

    @Test
    void referral_statistics_add_tallies_and_cases_per_financial_year() {
        TestLedger.Events events = KetteringScenario.events();
        events.add(new ReferralsTallied(PLAN, A1, "t2", d("2013-04-01"), d("2013-04-30"), 10, 50_000L,
                "April 2013 before case recording began", d("2013-04-30")), "2014-06-01T09:00:00Z");
        ledger.feed(events.messages(), 9);
        var statistics = ledger.model.referralStatistics();

        ReferralStatistics y2012 = statistics.handle(new FindReferralStatistics(PLAN, FinancialYear.parse("2012/13"))).orElseThrow();
        assertThat(y2012.actions()).singleElement().satisfies(a -> {
            assertThat(a.actionId()).isEqualTo(A1);
            assertThat(a.title()).isEqualTo("Target hardening for repeat victims");
            assertThat(a.counts()).isEqualTo(new ReferralCounts(65, 0, 0, 0, 65, 1_094_300L, 16_835L));
        });

        ReferralStatistics y2013 = statistics.handle(new FindReferralStatistics(PLAN, FinancialYear.parse("2013/14"))).orElseThrow();
        // cases r1 (accepted, closed £150), r2 (declined), r3 (accepted) plus a tally of 10 costing £500
        assertThat(y2013.total()).isEqualTo(new ReferralCounts(13, 2, 1, 1, 10, 65_000L, 65_000L / 11));

        ReferralStatistics y2014 = statistics.handle(new FindReferralStatistics(PLAN, FinancialYear.parse("2014/15"))).orElseThrow();
        assertThat(y2014.total()).isEqualTo(new ReferralCounts(1, 1, 0, 1, 0, 20_000L, 20_000L));

        ReferralStatistics quiet = statistics.handle(new FindReferralStatistics(PLAN, FinancialYear.parse("2015/16"))).orElseThrow();
        assertThat(quiet.actions()).isEmpty();
        assertThat(quiet.total()).isEqualTo(ReferralCounts.NONE);
    }

    @Test
    void action_history_keeps_original_notes_corrections_withdrawals_and_everything_else() {
        feedScenario();
        var histories = ledger.model.actionHistory();

        ActionHistory a1 = histories.handle(new FindActionHistory(A1)).orElseThrow();
        assertThat(a1.notes()).extracting(NoteHistory::noteId).containsExactly("n1", "n4", "n2");
        NoteHistory corrected = a1.notes().get(2);
        assertThat(corrected.status()).isEqualTo("CORRECTED");
        assertThat(corrected.originalText()).isEqualTo("Bid successful, £17.7k awarded");
        assertThat(corrected.text()).isEqualTo("Bid successful, £17,700 awarded by the PCC");
        assertThat(corrected.corrections()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("Amount written in full");
            assertThat(c.actor()).isEqualTo("lead1");
            assertThat(c.recordedAt()).isEqualTo(Instant.parse("2013-07-15T10:00:00Z"));
        });
        assertThat(a1.ragHistory()).extracting(RagChange::previous, RagChange::rag, RagChange::reason).containsExactly(
                tuple(null, RagStatus.AMBER, "PCC bid pending"), tuple(RagStatus.AMBER, RagStatus.GREEN, "Funded"),
                tuple(RagStatus.GREEN, RagStatus.RED, "Contractor withdrew"));
        assertThat(a1.funding()).extracting(MoneyEntry::amountPence).containsExactly(1_770_000L);
        assertThat(a1.spend()).extracting(MoneyEntry::amountPence).containsExactly(500_000L);
        assertThat(a1.risks()).singleElement().satisfies(r -> {
            assertThat(r.likelihood()).isEqualTo(4);
            assertThat(r.assessments()).hasSize(2);
        });
        assertThat(a1.referralTallies()).extracting(TallyEntry::count).containsExactly(65);
        assertThat(a1.referrals()).extracting(ReferralCaseEntry::referralId, ReferralCaseEntry::status, ReferralCaseEntry::costPence)
                .containsExactly(tuple("r1", ReferralStatus.CLOSED, 15_000L), tuple("r2", ReferralStatus.DECLINED, 0L),
                        tuple("r3", ReferralStatus.ACCEPTED, 0L), tuple("r4", ReferralStatus.CLOSED, 20_000L));
        assertThat(a1.endDate()).isEqualTo(d("2015-03-31"));
        assertThat(a1.statusHistory()).extracting(StatusChange::kind).containsExactly("ADDED", "LEADS_CHANGED", "RESCHEDULED");

        ActionHistory a2 = histories.handle(new FindActionHistory(A2)).orElseThrow();
        assertThat(a2.notes()).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("WITHDRAWN");
            assertThat(n.text()).isEqualTo("Advice sessions held");
            assertThat(n.withdrawal().reason()).isEqualTo("Recorded against the wrong action");
        });
        assertThat(a2.status()).isEqualTo(ActionStatus.CEASED);
    }

    @Test
    void my_actions_lists_what_a_lead_leads_with_the_next_update_due() {
        TestLedger.Events events = KetteringScenario.events();
        events.as("manager", "PLAN_MANAGER");
        events.add(new ActionAdded(PLAN, "asb-1", "a3", "Guard camera loans", List.of(), List.of(), List.of(),
                List.of(new Lead("Kim Lee", "Police", "lead3")), List.of(), d("2014-07-01"), d("2015-03-31"), List.of(),
                d("2014-06-01")), "2014-06-01T09:00:00Z");
        events.add(new ActionAdded(PLAN, "asb-1", "a4", "Street wardens", List.of(), List.of(), List.of(),
                List.of(new Lead("Kim Lee", "Police", "lead3")), List.of(), d("2014-05-01"), d("2015-03-31"), List.of(),
                d("2014-05-01")), "2014-06-01T09:01:00Z");
        events.add(new ActionLeadsChanged(PLAN, "a4", List.of(JO), "Handed over", d("2014-06-02")), "2014-06-02T09:00:00Z");
        ledger.feed(events.messages(), 4);
        var myActions = ledger.model.myActions();

        MyActions lead1 = myActions.handle(new FindMyActions("lead1"));
        assertThat(lead1.actions()).extracting(MyAction::actionId, MyAction::lastNoteOn, MyAction::nextUpdateDue, MyAction::updateOverdue)
                .containsExactly(
                        tuple(A1, d("2013-06-01"), d("2013-09-01"), true),   // latest note June 2013 + a quarter
                        tuple("a4", null, d("2014-08-01"), false));         // no note yet: due a cycle after the start, as stale
        MyActions lead2 = myActions.handle(new FindMyActions("lead2"));
        assertThat(lead2.actions()).extracting(MyAction::actionId, MyAction::status, MyAction::nextUpdateDue)
                .containsExactly(tuple(A1, ActionStatus.OPEN, d("2013-09-01")), tuple(A2, ActionStatus.CEASED, null));
        assertThat(lead2.actions().get(0).planTitle()).isEqualTo("Community Safety Plan 2013-2016");
        MyActions lead3 = myActions.handle(new FindMyActions("lead3"));
        assertThat(lead3.actions()).extracting(MyAction::actionId, MyAction::nextUpdateDue, MyAction::updateOverdue)
                .containsExactly(tuple("a3", d("2014-10-01"), false));
    }

    @Test
    void my_actions_find_a_plan_whose_board_was_stored_before_it_named_its_leads() {
        feedScenario();
        var board = ledger.database.getCollection("board");
        board.updateOne(new Document("_id", PLAN), new Document("$unset", new Document("leadUserIds", "")));
        assertThat(ledger.model.myActions().handle(new FindMyActions("lead1")).actions()).isEmpty();

        QuerySideModel.createIndexes(ledger.database); // what every start does

        assertThat(board.find(new Document("_id", PLAN)).first().getList("leadUserIds", String.class))
                .containsExactly("lead1", "lead2");
        assertThat(ledger.model.myActions().handle(new FindMyActions("lead1")).actions())
                .extracting(MyAction::actionId).containsExactly(A1);
    }

    @Test
    void timeline_gives_rag_counts_as_they_stood_at_each_meeting_and_refresh() {
        feedScenario();

        PlanTimeline timeline = ledger.model.planReplay().handle(new FindPlanTimeline(PLAN)).orElseThrow();

        assertThat(timeline.points()).extracting(TimelinePoint::kind, TimelinePoint::date, TimelinePoint::rag).containsExactly(
                tuple("BOARD_MEETING", d("2012-11-21"), new RagCounts(0, 1, 0, 1)),
                tuple("BOARD_MEETING", d("2013-11-20"), new RagCounts(0, 0, 1, 1)),
                tuple("ANNUAL_REFRESH", d("2014-04-01"), new RagCounts(1, 0, 0, 1)));
        assertThat(timeline.points().get(0).priorities()).singleElement()
                .extracting(PriorityRag::priorityId).isEqualTo("asb");
    }

    @Test
    void unknown_plans_and_actions_are_empty_results_not_errors() {
        feedScenario();
        QuerySideModel model = ledger.model;

        assertThat(model.board().handle(new FindBoardView("no-such-plan"))).isEmpty();
        assertThat(model.actionHistory().handle(new FindActionHistory("no-such-action"))).isEmpty();
        assertThat(model.planReplay().handle(new FindPlanAsAt("no-such-plan", d("2013-01-01"), null))).isEmpty();
        assertThat(model.planReplay().handle(new DiffPlan("no-such-plan", d("2013-01-01"), d("2014-01-01")))).isEmpty();
        assertThat(model.planReplay().handle(new FindPlanTimeline("no-such-plan"))).isEmpty();
        assertThat(model.referralStatistics().handle(new FindReferralStatistics("no-such-plan", new FinancialYear(2013)))).isEmpty();
        assertThat(model.myActions().handle(new FindMyActions("nobody")).actions()).isEmpty();
    }

    @Test
    void journal_documents_carry_the_audit_fields_in_buckets_keyed_by_plan() {
        List<EventMessage<?>> messages = feedScenario();

        Document index = ledger.database.getCollection("journal_plans").find(new Document("_id", PLAN)).first();
        assertThat(index.getInteger("eventCount")).isEqualTo(messages.size());
        Document bucket = ledger.database.getCollection("journal_buckets").find(new Document("_id", PLAN + ":000000")).first();
        Document ceased = bucket.getList("events", Document.class).stream()
                .filter(e -> e.getString("type").equals("ActionCeased")).findFirst().orElseThrow();
        assertThat(ceased.getString("planId")).isEqualTo(PLAN);
        assertThat(ceased.getString("aggregateType")).isEqualTo("Action");
        assertThat(ceased.getString("aggregateId")).isEqualTo(A2);
        assertThat(ceased.getString("effectiveOn")).isEqualTo("2013-02-01");
        assertThat(ceased.getString("actor")).isEqualTo("lead2");
        assertThat(ceased.getList("actorRoles", String.class)).containsExactly("DELIVERY_LEAD");
        assertThat(ceased.getString("revision")).isEqualTo("1");
        assertThat(ceased.get("payload", Document.class).getString("reason")).isEqualTo("DECC no longer operating owing to costs");
        assertThat(ceased.getDate("recordedAt").toInstant()).isEqualTo(Instant.parse("2013-02-05T09:00:00Z"));
    }

    @Test
    void a_late_event_filling_a_gap_is_journaled_once_where_it_arrived() {
        List<EventMessage<?>> messages = KetteringScenario.events().messages();
        List<EventMessage<?>> withGap = new java.util.ArrayList<>(messages);
        // committed late by another transaction: read after all the others, with the token of that moment
        var late = ((org.axonframework.eventhandling.TrackedEventMessage<?>) withGap.remove(5)).withTrackingToken(
                org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(messages.size() - 1, List.of()));
        TestLedger.feed(ledger.model.journal(), withGap, 10);
        TestLedger.feed(ledger.model.journal(), List.of(late), 1);
        TestLedger.feed(ledger.model.journal(), List.of(late), 1); // and redelivered

        List<RecordedEvent> journal = new JournalReader(ledger.database).planEvents(PLAN).orElseThrow();
        assertThat(journal).extracting(RecordedEvent::eventId).doesNotHaveDuplicates().hasSize(messages.size())
                .endsWith(late.getIdentifier());
        assertThat(journal).extracting(RecordedEvent::sequence).isSorted();
    }

    @Test
    void events_without_a_tracking_token_still_get_a_journal_position() {
        org.axonframework.eventhandling.GenericEventMessage<PlanDrafted> plain = new org.axonframework.eventhandling.GenericEventMessage<>(
                new PlanDrafted("p2", "CSP", "Plan", d("2013-04-01"), d("2016-03-31"), Cadence.BI_MONTHLY, d("2013-04-01")));
        TestLedger.feed(ledger.model.journal(), List.of(plain), 1);
        TestLedger.feed(ledger.model.board(), List.of(plain), 1);

        assertThat(new JournalReader(ledger.database).planEvents("p2").orElseThrow()).extracting(RecordedEvent::sequence)
                .containsExactly(1L);
        assertThat(BoardRenderer.render(ledger.model.board().findPlan("p2").orElseThrow(), d("2013-05-01"), null).cadence())
                .isEqualTo(Cadence.BI_MONTHLY);
    }
}
