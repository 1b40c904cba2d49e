package org.planledger.query.replay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpointed plan states: the plan as at a date (and as known at an instant, when asked), kept
 * together with how much of the plan's journal it was folded from. A query for a kept date folds
 * only what was journalled since; a query for a new date starts from the kept state of the nearest
 * earlier date and applies only the events effective in between, when that is exact; otherwise it
 * folds from the start.
 *
 * <p>Journalled since. The fold takes the journal's events in global order, keeping those effective
 * by the date (and recorded by {@code knownAt}). Events journalled later come after every event the
 * state was folded from, whatever their effective date: a note backdated to 2013 and recorded today
 * is filtered by its effective date like any other, and applied after the earlier ones, as the full
 * fold would. The one exception is an event the event store committed late, which the journal places
 * at its own, lower global index, in the middle of the list. A state is therefore extended only when
 * the journal still holds, at the place of the last event it was folded from, that same event: an
 * event inserted anywhere before it moves it, and then the state is not used.
 *
 * <p>A new date. The state as at D is not the state as at an earlier C plus something in general:
 * the events effective in (C, D] are interleaved in global order with those effective by C, and a
 * backdated RAG rating recorded after a later one wins in the fold as at D. {@link FoldParts} checks,
 * over the whole journal, that no part of the plan has such an interleaving between C and D; only then
 * is the state as at C carried forward (the reducer keeps its parts independent). Kept states are
 * immutable {@link PlanView}s and are never changed, only shared.
 *
 * <p>A state is kept under the latest effective date on or before the date asked for that any event
 * of the journal carries (and the latest recorded instant on or before {@code knownAt}), not under
 * the date itself: every date from one effective date to the next selects the very same events, so
 * they share one state. The rendering for the date asked for is done by the caller.
 *
 * <p>States are the same for every caller (filtering for a caller happens on the rendered answer).
 * They are kept per plan, all of a plan's states in one entry evicted together, because a state
 * carried forward shares most of its objects with the state it came from. An entry is weighed by
 * the events folded to make its states (a fold from the start: the whole journal; a state carried
 * forward or extended: the events applied), a rough upper measure of the heap they hold together.
 */
public final class PlanStates {

    /** Default bound: events folded into the states kept (about ten states of a 3,000-event plan folded from the start). */
    public static final long DEFAULT_MAX_FOLDED_EVENTS = 30_000;
    /** A plan holding more states than this starts again from the one just folded. */
    static final int MAX_STATES_PER_PLAN = 256;
    /** Added to each state's weight: its own actions list and the few objects any state holds. */
    private static final int STATE_OVERHEAD = 16;
    /** How many of the nearest earlier kept states are tried before folding from the start. */
    private static final int CANDIDATES_TRIED = 3;

    private record Key(LocalDate asAt, Instant knownAt) {
    }

    /** Stands for "before every date the journal holds": no dated event is selected. */
    private static final LocalDate BEFORE_ANY_DATE = LocalDate.MIN;
    /** Stands for "before every recorded instant the journal holds". */
    private static final Instant BEFORE_ANY_INSTANT = Instant.MIN;

    private record Folded(int length, String lastEventId, PlanView view) {
    }

    /** One plan's kept states (an immutable map, replaced as a whole) and their weight. */
    private record Kept(Map<Key, Folded> states, long weight) {
    }

    private final Cache<String, Kept> plans;
    /** The parts of each decoded journal, by the list's identity (a new journal version is a new list). */
    private final Cache<List<RecordedEvent>, FoldParts> parts;
    private final long maxFoldedEvents;
    private final boolean caching;

    /** @param maxFoldedEvents bound on the events folded into the states kept; 0 folds on every call */
    public PlanStates(long maxFoldedEvents) {
        this.caching = maxFoldedEvents > 0;
        this.maxFoldedEvents = Math.max(maxFoldedEvents, 1);
        this.plans = Caffeine.newBuilder().maximumWeight(this.maxFoldedEvents)
                .weigher((String planId, Kept kept) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1, kept.weight())))
                .build();
        // weak keys compare by identity; a few journals at a time are asked about
        this.parts = Caffeine.newBuilder().weakKeys().maximumSize(16).build();
    }

    /** The plan as at {@code asAt} (and as known at {@code knownAt}, when not null) from its journal in global order. */
    public PlanView asAt(String planId, List<RecordedEvent> journal, LocalDate asAt, Instant knownAt) {
        if (!caching) {
            return PlanReplayQueries.foldAsAt(planId, journal, asAt, knownAt);
        }
        Key key = canonicalKey(journal, asAt, knownAt);
        Kept kept = plans.getIfPresent(planId);
        Map<Key, Folded> states = kept == null ? Map.of() : kept.states();
        Folded same = states.get(key);
        if (same != null && extends_(same, journal) && same.length() == journal.size()) {
            return same.view();
        }
        PlanView view = null;
        int applied = 0;
        if (same != null && extends_(same, journal)) {
            // journalled since: fold the tail
            view = PlanReplayQueries.foldAsAt(same.view(), journal.subList(same.length(), journal.size()), key.asAt(), key.knownAt());
            applied = journal.size() - same.length();
        } else {
            for (Map.Entry<Key, Folded> earlier : nearestEarlier(states, key, journal)) {
                FoldParts journalParts = parts.get(journal, FoldParts::new);
                Key from = earlier.getKey();
                if (journalParts.carriesForward(from.asAt(), from.knownAt(), key.asAt(), key.knownAt())) {
                    view = carryForward(journal, journalParts, earlier.getValue(), from, key);
                    applied = countCarried(journal.size(), journalParts, earlier.getValue(), from, key);
                    break;
                }
            }
        }
        if (view == null) {
            view = PlanReplayQueries.foldAsAt(planId, journal, key.asAt(), key.knownAt());
            applied = journal.size();
        }
        if (!journal.isEmpty()) {
            keep(planId, key, new Folded(journal.size(), journal.get(journal.size() - 1).eventId(), view), applied);
        }
        return view;
    }

    /** Whether the state was folded from a prefix of this journal (nothing inserted before its end since). */
    private static boolean extends_(Folded folded, List<RecordedEvent> journal) {
        return folded.length() <= journal.size()
                && (folded.length() == 0 || journal.get(folded.length() - 1).eventId().equals(folded.lastEventId()));
    }

    /** Kept states selecting a subset of what {@code key} selects, folded from a prefix of this journal, nearest first. */
    private static List<Map.Entry<Key, Folded>> nearestEarlier(Map<Key, Folded> states, Key key, List<RecordedEvent> journal) {
        List<Map.Entry<Key, Folded>> candidates = new ArrayList<>();
        for (Map.Entry<Key, Folded> entry : states.entrySet()) {
            Key from = entry.getKey();
            boolean earlierDate = !from.asAt().isAfter(key.asAt());
            boolean earlierKnown = key.knownAt() == null ? from.knownAt() == null
                    : from.knownAt() != null && !from.knownAt().isAfter(key.knownAt());
            if (earlierDate && earlierKnown && !from.equals(key) && extends_(entry.getValue(), journal)) {
                candidates.add(entry);
            }
        }
        candidates.sort(Comparator.comparing((Map.Entry<Key, Folded> e) -> e.getKey().asAt())
                .thenComparing(e -> e.getKey().knownAt(), Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return candidates.subList(0, Math.min(CANDIDATES_TRIED, candidates.size()));
    }

    /**
     * The kept state as at {@code from}, first extended by what was journalled since it was folded
     * (the events {@code from} selects), then the events {@code to} selects and {@code from} does not,
     * in global order.
     */
    private static PlanView carryForward(List<RecordedEvent> journal, FoldParts journalParts, Folded start, Key from, Key to) {
        PlanView view = start.view();
        for (int i = start.length(); i < journal.size(); i++) {
            if (journalParts.selected(i, from.asAt(), from.knownAt())) {
                view = PlanReducer.apply(view, journal.get(i));
            }
        }
        for (int i = 0; i < journal.size(); i++) {
            if (journalParts.selected(i, to.asAt(), to.knownAt()) && !journalParts.selected(i, from.asAt(), from.knownAt())) {
                view = PlanReducer.apply(view, journal.get(i));
            }
        }
        return view;
    }

    private static int countCarried(int size, FoldParts journalParts, Folded start, Key from, Key to) {
        int count = size - start.length();
        for (int i = 0; i < size; i++) {
            if (journalParts.selected(i, to.asAt(), to.knownAt()) && !journalParts.selected(i, from.asAt(), from.knownAt())) {
                count++;
            }
        }
        return count;
    }

    private void keep(String planId, Key key, Folded folded, int applied) {
        plans.asMap().compute(planId, (id, kept) -> {
            long weight = applied + STATE_OVERHEAD;
            if (kept == null || kept.states().size() >= MAX_STATES_PER_PLAN || kept.weight() + weight > maxFoldedEvents / 2) {
                // alone, the state holds at most a whole fold's worth, whatever it shares with states dropped
                return new Kept(Map.of(key, folded), Math.max(weight, folded.length()) + STATE_OVERHEAD);
            }
            Map<Key, Folded> states = new HashMap<>(kept.states());
            states.put(key, folded);
            return new Kept(Map.copyOf(states), kept.weight() + weight);
        });
    }

    /** The latest effective date on or before {@code asAt} in the journal: it selects the same events as {@code asAt}. */
    static LocalDate selectingDate(List<RecordedEvent> journal, LocalDate asAt) {
        return canonicalKey(journal, asAt, null).asAt();
    }

    /**
     * The date and instant that select exactly the same events as {@code asAt} and {@code knownAt}:
     * the latest effective date on or before {@code asAt} in the journal, and the latest recorded
     * instant on or before {@code knownAt}. One pass over the decoded journal, far cheaper than a fold.
     */
    private static Key canonicalKey(List<RecordedEvent> journal, LocalDate asAt, Instant knownAt) {
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
        return new Key(date, instant);
    }
}
