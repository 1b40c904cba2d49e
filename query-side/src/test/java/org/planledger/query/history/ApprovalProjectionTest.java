package org.planledger.query.history;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.ActionHistory;
import org.planledger.query.api.BoardAction;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.SubmissionEntry;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.replay.PlanReplayQueries;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval on the read side: a submitted note or rating is never on the board, in a replay or (through
 * the same fold) in a board pack until it is approved; as known before the approval it is still absent;
 * the action's history lists it as pending, then approved or returned, with who and why.
 */
class ApprovalProjectionTest {

    private static final LocalDate JUNE = LocalDate.parse("2013-06-01");
    private final List<RecordedEvent> events = new ArrayList<>();
    private long sequence;

    private void add(PlanLedgerEvent event, String actor, String at) {
        sequence++;
        String aggregate = event instanceof ActionEvent a ? a.actionId() : event.planId();
        events.add(new RecordedEvent(sequence, "e" + sequence, aggregate, event instanceof ActionEvent ? "Action" : "Plan",
                sequence, Instant.parse(at), new AuditInfo(actor, List.of(), null, "api", null, null), event));
    }

    private void plan() {
        add(new PlanDrafted("p", "CSP", "Plan", LocalDate.parse("2013-04-01"), LocalDate.parse("2016-03-31"), Cadence.QUARTERLY,
                LocalDate.parse("2013-04-01")), "manager", "2013-04-01T09:00:00Z");
        add(new PriorityAdded("p", "asb", "ASB", List.of(), LocalDate.parse("2013-04-01")), "manager", "2013-04-01T09:00:01Z");
        add(new ObjectiveAdded("p", "asb", "o1", "Reduce ASB", List.of(), LocalDate.parse("2013-04-01")), "manager", "2013-04-01T09:00:02Z");
        add(new UpdateApprovalRequired("p", true, LocalDate.parse("2013-04-01")), "manager", "2013-04-01T09:00:03Z");
        add(new ActionAdded("p", "o1", "a1", "Target hardening", List.of(), List.of(), List.of(),
                List.of(new Lead("Jo", null, "lead1")), List.of(), LocalDate.parse("2013-04-01"), null, List.of(),
                LocalDate.parse("2013-04-01")), "manager", "2013-04-01T09:00:04Z");
        add(new UpdateApprovalSet("p", "a1", true, LocalDate.parse("2013-04-01")), "manager", "2013-04-01T09:00:04Z");
        add(new ProgressSubmitted("p", "a1", "n1", "2013-06", "Bid successful", null, null, null, null, "lead1", JUNE),
                "lead1", "2013-06-20T10:00:00Z");
        add(new ProgressSubmitted("p", "a1", "r1", null, null, null, null, RagStatus.RED, "Funding withdrawn", "lead1", JUNE),
                "lead1", "2013-06-20T10:01:00Z");
    }

    private BoardAction boardAction(LocalDate asAt, Instant knownAt) {
        PlanView view = PlanReplayQueries.foldAsAt("p", events, asAt, knownAt);
        BoardView board = BoardRenderer.render(view, asAt, knownAt);
        return board.priorities().get(0).objectives().get(0).actions().get(0);
    }

    @Test
    void aSubmittedUpdateIsNotOnTheBoardUntilApprovedNorInAReplayAsKnownBeforeTheApproval() {
        plan();
        assertThat(boardAction(LocalDate.parse("2013-07-01"), null).latestNote()).isNull();
        assertThat(boardAction(LocalDate.parse("2013-07-01"), null).rag()).isNull();

        add(new ProgressApproved("p", "a1", "n1", "lead1", LocalDate.parse("2013-06-25")), "manager", "2013-06-25T09:00:00Z");
        add(new ProgressRecorded("p", "a1", "n1", "2013-06", "Bid successful", JUNE), "manager", "2013-06-25T09:00:00Z");
        add(new ProgressReturned("p", "a1", "r1", "Say why", LocalDate.parse("2013-06-25")), "manager", "2013-06-25T09:01:00Z");

        BoardAction now = boardAction(LocalDate.parse("2013-07-01"), null);
        assertThat(now.latestNote().text()).isEqualTo("Bid successful");
        assertThat(now.rag()).as("the returned rating never reaches the board").isNull();
        // the board as known on 21 June, before the approval, did not have it: a pack issued then never will
        assertThat(boardAction(LocalDate.parse("2013-07-01"), Instant.parse("2013-06-21T00:00:00Z")).latestNote()).isNull();
    }

    @Test
    void theActionsHistoryListsSubmissionsPendingThenDecided() {
        plan();
        ActionHistory history = history();
        assertThat(history.pendingSubmissions()).extracting(SubmissionEntry::submissionId).containsExactly("n1", "r1");
        assertThat(history.notes()).isEmpty();

        add(new ProgressApproved("p", "a1", "n1", "lead1", LocalDate.parse("2013-06-25")), "manager", "2013-06-25T09:00:00Z");
        add(new ProgressRecorded("p", "a1", "n1", "2013-06", "Bid successful", JUNE), "manager", "2013-06-25T09:00:00Z");
        add(new ProgressReturned("p", "a1", "r1", "Say why", LocalDate.parse("2013-06-25")), "manager", "2013-06-25T09:01:00Z");
        history = history();
        assertThat(history.pendingSubmissions()).isEmpty();
        assertThat(history.submissions()).extracting(SubmissionEntry::state).containsExactly("APPROVED", "RETURNED");
        assertThat(history.submissions().get(1).returnReason()).isEqualTo("Say why");
        assertThat(history.submissions().get(1).decidedBy()).isEqualTo("manager");
        assertThat(history.notes()).hasSize(1);
    }

    private ActionHistory history() {
        ActionHistory history = new ActionHistory("a1", "p", null, null, ActionStatus.OPEN, null, List.of(), null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        for (RecordedEvent recorded : events) {
            if (recorded.event() instanceof ActionEvent event) {
                history = ActionHistoryProjection.apply(history, event, recorded);
            }
        }
        return history;
    }
}
