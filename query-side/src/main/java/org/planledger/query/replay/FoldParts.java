package org.planledger.query.replay;

import org.planledger.events.*;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which part of the plan's state each event of a journal writes to, so that a state folded for one
 * date can be carried forward to a later date without folding the whole journal again.
 *
 * <p>Why a part matters. "As at" folds the events effective by the date in global order. Carrying
 * the state as at C forward to D applies the events effective in (C, D] after all of those effective
 * by C, i.e. in another order. {@link org.planledger.query.plan.PlanReducer} keeps the plan's parts
 * independent (its own documentation: the live board folds in delivery order, not global order, and
 * must agree with the replays): what order matters for is the events of one part among themselves
 * (an action's notes, its RAG, its status, its details, its risks, its referral cases, the plan's own
 * stream, the order of the actions list), and an event about something not yet there is dropped, so an
 * action's {@link ActionAdded} belongs to every part of that action. Money (funding, spend, tallies)
 * only adds up into years kept in year order. The later order is therefore the same fold exactly when,
 * in each part, every event effective by C comes before every event effective in (C, D] — which
 * fails for a RAG assessment backdated after a later one, or a note for an action added after C.
 * {@link #carriesForward} checks that over the whole journal; when it fails the caller folds from the
 * start.
 *
 * <p>The switch over action events is exhaustive (no default): a new event must be given its part here.
 */
final class FoldParts {

    /** Parts of one action (indexes into a row of {@link #parts}). */
    private static final int DETAILS = 0, STATUS = 1, RAG = 2, NOTES = 3, MONEY = 4, RISKS = 5, REFERRALS = 6;
    private static final int PARTS_PER_ACTION = 7;
    /** Marks an event that writes to every part of its action (it creates the action). */
    private static final byte EVERY_PART = -1;
    /** Marks an event that changes nothing in the fold (bookkeeping, reminders, submissions awaiting approval). */
    private static final byte NO_PART = -2;

    /** An effective date of null: selected for every date. */
    private static final long UNDATED = Long.MIN_VALUE;

    // Not the journal itself: these are kept by the journal list's identity, weakly, and a value
    // holding its key would keep every decoded journal it was built for.
    private final long[] effectiveDays;
    private final Instant[] recordedAts;
    /** Row of the part table: an action's index, or {@link #planRow} for the plan's own stream. */
    private final int[] rows;
    private final byte[] parts;
    private final int planRow;
    /** The plan's actions list: its order is that of the ActionAdded events. */
    private final int actionOrderRow;

    FoldParts(List<RecordedEvent> journal) {
        int size = journal.size();
        this.effectiveDays = new long[size];
        this.recordedAts = new Instant[size];
        this.rows = new int[size];
        this.parts = new byte[size];
        Map<String, Integer> actionRows = new HashMap<>();
        for (int i = 0; i < size; i++) {
            PlanLedgerEvent event = journal.get(i).event();
            recordedAts[i] = journal.get(i).recordedAt();
            LocalDate effectiveOn = event.effectiveOn();
            effectiveDays[i] = effectiveOn == null ? UNDATED : effectiveOn.toEpochDay();
            if (event instanceof ActionEvent action) {
                rows[i] = actionRows.computeIfAbsent(action.actionId(), id -> actionRows.size());
                parts[i] = partOf(action);
            } else {
                rows[i] = -1; // set below, once the number of actions is known
                parts[i] = 0;
            }
        }
        this.planRow = actionRows.size();
        this.actionOrderRow = planRow + 1;
        for (int i = 0; i < size; i++) {
            if (rows[i] < 0) {
                rows[i] = planRow;
            }
        }
    }

    private static byte partOf(ActionEvent event) {
        return switch (event) {
            case ActionAdded e -> EVERY_PART;
            case ActionRescheduled e -> DETAILS;
            case ActionLeadsChanged e -> DETAILS;
            case ActionDetailsRevised e -> DETAILS;
            case ActionCompleted e -> STATUS;
            case ActionCeased e -> STATUS;
            case ActionReopened e -> STATUS;
            case RagAssessed e -> RAG;
            case ProgressRecorded e -> NOTES;
            case ProgressNoteCorrected e -> NOTES;
            case ProgressNoteWithdrawn e -> NOTES;
            case FundingAllocated e -> MONEY;
            case SpendRecorded e -> MONEY;
            case ReferralsTallied e -> MONEY;
            case RiskIdentified e -> RISKS;
            case RiskReassessed e -> RISKS;
            case RiskClosed e -> RISKS;
            // a case's status needs the case; a closed case's cost is added to its year (sums: any order)
            case ReferralRecorded e -> REFERRALS;
            case ReferralAccepted e -> REFERRALS;
            case ReferralDeclined e -> REFERRALS;
            case ReferralClosed e -> REFERRALS;
            case ReferralSubjectErased e -> NO_PART;
            case ReferralRegistered e -> NO_PART;
            case UpdateReminderSent e -> NO_PART;
            case UpdateApprovalSet e -> NO_PART;
            case ProgressSubmitted e -> NO_PART;
            case ProgressApproved e -> NO_PART;
            case ProgressReturned e -> NO_PART;
        };
    }

    /** Whether the event at {@code index} is folded as at {@code asAt} (and as known at {@code knownAt}, when not null). */
    boolean selected(int index, LocalDate asAt, Instant knownAt) {
        return selected(index, asAt.toEpochDay(), knownAt);
    }

    private boolean selected(int index, long asAtDay, Instant knownAt) {
        long day = effectiveDays[index];
        return (day == UNDATED || day <= asAtDay)
                && (knownAt == null || !recordedAts[index].isAfter(knownAt));
    }

    /**
     * Whether the state folded from the events {@code from} selects can be carried forward to the
     * events {@code to} selects (a superset) by applying the extra ones after it, in global order,
     * with the same result as folding {@code to}'s events in global order: in each part, no event
     * {@code from} selects comes after one only {@code to} selects.
     */
    boolean carriesForward(LocalDate fromDate, Instant fromKnownAt, LocalDate toDate, Instant toKnownAt) {
        int rowCount = actionOrderRow + 1;
        int[] lastOld = new int[rowCount * PARTS_PER_ACTION];
        int[] firstNew = new int[rowCount * PARTS_PER_ACTION];
        java.util.Arrays.fill(lastOld, -1);
        java.util.Arrays.fill(firstNew, Integer.MAX_VALUE);
        long fromDay = fromDate.toEpochDay();
        long toDay = toDate.toEpochDay();
        for (int i = 0; i < effectiveDays.length; i++) {
            byte part = parts[i];
            if (part == NO_PART) {
                continue;
            }
            boolean old = selected(i, fromDay, fromKnownAt);
            if (!old && !selected(i, toDay, toKnownAt)) {
                continue;
            }
            int[] marks = old ? lastOld : firstNew;
            int base = rows[i] * PARTS_PER_ACTION;
            if (part == EVERY_PART) {
                for (int p = 0; p < PARTS_PER_ACTION; p++) {
                    mark(marks, base + p, i, old);
                }
                mark(marks, actionOrderRow * PARTS_PER_ACTION, i, old);
            } else {
                mark(marks, base + part, i, old);
            }
        }
        for (int slot = 0; slot < lastOld.length; slot++) {
            if (lastOld[slot] > firstNew[slot]) {
                return false;
            }
        }
        return true;
    }

    private static void mark(int[] marks, int slot, int index, boolean old) {
        if (old) {
            marks[slot] = index; // ascending scan: the last one seen is the latest
        } else if (marks[slot] == Integer.MAX_VALUE) {
            marks[slot] = index;
        }
    }
}
