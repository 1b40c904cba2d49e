package org.planledger.query.replay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Checkpointed plan states: the plan as at a date (and as known at an instant, when asked), kept
 * together with how much of the plan's journal it was folded from, so the next query for the same
 * date folds only what was journalled since.
 *
 * <p>Why that is exact: the fold takes the journal's events in global order, keeping those effective
 * by the date (and recorded by {@code knownAt}). Events journalled later come after every event the
 * state was folded from, whatever their effective date: a note backdated to 2013 and recorded today
 * is filtered by its effective date like any other, and applied after the earlier ones, as the full
 * fold would. The one exception is an event the event store committed late, which the journal places
 * at its own, lower global index, in the middle of the list. A state is therefore extended only when
 * the journal still holds, at the place of the last event it was folded from, that same event: an
 * event inserted anywhere before it moves it, and then the state is folded again from the start.
 *
 * <p>A state is kept under the latest effective date on or before the date asked for that any event
 * of the journal carries (and the latest recorded instant on or before {@code knownAt}), not under
 * the date itself: every date from one effective date to the next selects the very same events, so
 * they share one state. The rendering for the date asked for is done by the caller.
 *
 * <p>States are the same for every caller (filtering for a caller happens on the rendered answer) and
 * bounded by the number of events folded into them, a rough measure of their size.
 */
public final class PlanStates {

    /** Default bound: events folded into the states kept (about ten states of a 3,000-event plan). */
    public static final long DEFAULT_MAX_FOLDED_EVENTS = 30_000;

    private record Key(String planId, LocalDate asAt, Instant knownAt) {
    }

    /** Stands for "before every date the journal holds": no dated event is selected. */
    private static final LocalDate BEFORE_ANY_DATE = LocalDate.MIN;
    /** Stands for "before every recorded instant the journal holds". */
    private static final Instant BEFORE_ANY_INSTANT = Instant.MIN;

    private record Folded(int length, String lastEventId, PlanView view) {
    }

    private final Cache<Key, Folded> states;
    private final boolean caching;

    /** @param maxFoldedEvents bound on the events folded into the states kept; 0 folds on every call */
    public PlanStates(long maxFoldedEvents) {
        this.caching = maxFoldedEvents > 0;
        this.states = Caffeine.newBuilder().maximumWeight(Math.max(maxFoldedEvents, 1))
                .weigher((Key key, Folded folded) -> Math.max(1, folded.length()))
                .build();
    }

    /** The plan as at {@code asAt} (and as known at {@code knownAt}, when not null) from its journal in global order. */
    public PlanView asAt(String planId, List<RecordedEvent> journal, LocalDate asAt, Instant knownAt) {
        if (!caching) {
            return PlanReplayQueries.foldAsAt(planId, journal, asAt, knownAt);
        }
        Key key = canonicalKey(planId, journal, asAt, knownAt);
        Folded kept = states.getIfPresent(key);
        PlanView view;
        int from;
        if (kept != null && kept.length() <= journal.size()
                && (kept.length() == 0 || journal.get(kept.length() - 1).eventId().equals(kept.lastEventId()))) {
            if (kept.length() == journal.size()) {
                return kept.view();
            }
            view = kept.view();
            from = kept.length();
        } else {
            view = PlanView.empty(planId);
            from = 0;
        }
        view = PlanReplayQueries.foldAsAt(view, journal.subList(from, journal.size()), asAt, knownAt);
        if (!journal.isEmpty()) {
            states.put(key, new Folded(journal.size(), journal.get(journal.size() - 1).eventId(), view));
        }
        return view;
    }

    /**
     * The date and instant that select exactly the same events as {@code asAt} and {@code knownAt}:
     * the latest effective date on or before {@code asAt} in the journal, and the latest recorded
     * instant on or before {@code knownAt}. One pass over the decoded journal, far cheaper than a fold.
     */
    /** The latest effective date on or before {@code asAt} in the journal: it selects the same events as {@code asAt}. */
    static LocalDate selectingDate(List<RecordedEvent> journal, LocalDate asAt) {
        return canonicalKey(null, journal, asAt, null).asAt();
    }

    private static Key canonicalKey(String planId, List<RecordedEvent> journal, LocalDate asAt, Instant knownAt) {
        LocalDate date = BEFORE_ANY_DATE;
        Instant instant = knownAt == null ? null : BEFORE_ANY_INSTANT;
        for (RecordedEvent event : journal) {
            LocalDate effectiveOn = event.event().effectiveOn();
            if (effectiveOn != null && !effectiveOn.isAfter(asAt) && effectiveOn.isAfter(date)) {
                date = effectiveOn;
            }
            if (knownAt != null && !event.recordedAt().isAfter(knownAt) && event.recordedAt().isAfter(instant)) {
                instant = event.recordedAt();
            }
        }
        return new Key(planId, date, instant);
    }
}
