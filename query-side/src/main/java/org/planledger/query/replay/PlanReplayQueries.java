package org.planledger.query.replay;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.planledger.events.IndicatorReadingRecorded;
import org.planledger.query.api.*;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.journal.JournalReader;
import org.planledger.query.plan.BoardMeetingView;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.ReadingView;
import org.planledger.query.plan.RefreshView;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a plan from its journal through the same reducer as the live board: the plan as at a
 * date (optionally as known at an instant), the difference between two dates, and its timeline of
 * board meetings and annual refreshes. Reads the plan's journal by _id (two round trips), then folds
 * in memory. The decoded journal ({@link DecodedJournals}) and the states folded for a date
 * ({@link PlanStates}) are kept between queries, each checked against the journal's index on every
 * query; both are the same for every caller.
 */
public class PlanReplayQueries {

    /** Folds every time: for the static helpers, which tests call on journals of their own. */
    private static final PlanStates NO_STATES = new PlanStates(0);

    private final DecodedJournals journal;
    private final PlanStates states;
    private final com.github.benmanes.caffeine.cache.Cache<DiffKey, KeptDiff> diffs;
    private final boolean keepingDiffs;

    /**
     * A diff between the dates that select the same events as the ones asked for (see {@link PlanStates}),
     * and, for a diff as known, the instants each side was known at.
     */
    private record DiffKey(String planId, LocalDate from, LocalDate to, Instant knownFrom, Instant knownTo) {
    }

    /** A diff's content, with how much of the journal it was computed from and the last event of that. */
    private record KeptDiff(int length, String lastEventId, RagCounts ragFrom, RagCounts ragTo, List<DiffChange> changes) {
    }

    public PlanReplayQueries(MongoDatabase database) {
        this(database, TimeTravelCaches.DEFAULT);
    }

    public PlanReplayQueries(MongoDatabase database, TimeTravelCaches caches) {
        this.journal = new DecodedJournals(new JournalReader(database), caches.journalEvents());
        this.states = new PlanStates(caches.foldedEvents());
        this.keepingDiffs = caches.foldedEvents() > 0;
        this.diffs = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .maximumWeight(Math.max(caches.foldedEvents(), 1))
                .weigher((DiffKey key, KeptDiff diff) -> Math.max(1, diff.changes().size()))
                .build();
    }

    /** Forgets what is kept of a plan's journal (for anything that rewrites journal entries in place). */
    public void forget(String planId) {
        journal.forget(planId);
    }

    @QueryHandler
    public Optional<BoardView> handle(FindPlanAsAt query) {
        return journal.planEvents(query.planId())
                .map(events -> states.asAt(query.planId(), events, query.effectiveDate(), query.knownAt()))
                .filter(PlanView::drafted)
                .map(view -> BoardRenderer.render(view, query.effectiveDate(), query.knownAt()));
    }

    @QueryHandler
    public Optional<PlanDiff> handle(DiffPlan query) {
        return journal.planEvents(query.planId()).map(events -> keepingDiffs ? keptDiff(query, events) : diff(query, events, states));
    }

    @QueryHandler
    public Optional<PlanTimeline> handle(FindPlanTimeline query) {
        return journal.planEvents(query.planId()).map(events -> timeline(query.planId(), events, states));
    }

    @QueryHandler
    public Optional<PlanCharts> handle(FindPlanCharts query) {
        return journal.planEvents(query.planId()).map(events -> charts(query, events, states));
    }

    /**
     * RAG counts from the same fold as the replay, one per requested date; readings from the whole
     * fold, which keeps every indicator's series.
     */
    static PlanCharts charts(FindPlanCharts query, List<RecordedEvent> events) {
        return charts(query, events, NO_STATES);
    }

    private static PlanCharts charts(FindPlanCharts query, List<RecordedEvent> events, PlanStates states) {
        List<RagPoint> rag = query.dates().stream()
                .map(date -> new RagPoint(date, BoardRenderer.ragCounts(BoardRenderer.shownActions(states.asAt(query.planId(), events, date, null)))))
                .toList();
        return new PlanCharts(query.planId(), rag, indicatorSeries(PlanReducer.fold(query.planId(), events)));
    }

    /** Every indicator of the plan as folded, with the partnership's own series in period order (a peer group's figures are not its trend). */
    public static List<IndicatorSeries> indicatorSeries(PlanView plan) {
        return plan.indicators().stream()
                .map(indicator -> new IndicatorSeries(indicator.indicatorId(), indicator.objectiveId(), indicator.name(),
                        indicator.unit(), indicator.direction(), indicator.baseline(), indicator.target(),
                        indicator.ownReadings()))
                .toList();
    }

    /** Whether {@link #foldAsAt} folds the event in. */
    private static boolean inFold(RecordedEvent event, LocalDate asAt, Instant knownAt) {
        return effectiveBy(event, asAt) && (knownAt == null || !event.recordedAt().isAfter(knownAt));
    }

    /** Events effective on or before the date (and recorded by knownAt, when given), in global order. */
    public static PlanView foldAsAt(String planId, List<RecordedEvent> events, LocalDate asAt, Instant knownAt) {
        return foldAsAt(PlanView.empty(planId), events, asAt, knownAt);
    }

    /** {@link #foldAsAt(String, List, LocalDate, Instant)} continued from a state already folded. */
    static PlanView foldAsAt(PlanView start, List<RecordedEvent> events, LocalDate asAt, Instant knownAt) {
        PlanView view = start;
        for (RecordedEvent event : events) {
            if (inFold(event, asAt, knownAt)) {
                view = PlanReducer.apply(view, event);
            }
        }
        return view;
    }

    private static boolean effectiveBy(RecordedEvent event, LocalDate date) {
        LocalDate effectiveOn = event.event().effectiveOn();
        return effectiveOn == null || !effectiveOn.isAfter(date);
    }

    /**
     * Starts from the fold as at {@code from}, then applies the events effective in (from, to] in
     * global order, describing each against the state just before it. The fold as at {@code to}
     * gives the closing RAG counts. As known ({@code knownFrom}, {@code knownTo}): each side is the fold
     * of what had been recorded by then, and the changes are the events the later side folds in and the
     * earlier does not.
     */
    static PlanDiff diff(DiffPlan query, List<RecordedEvent> events) {
        return diff(query, events, NO_STATES);
    }

    private static PlanDiff diff(DiffPlan query, List<RecordedEvent> events, PlanStates states) {
        PlanView state = states.asAt(query.planId(), events, query.from(), query.knownFrom());
        RagCounts ragFrom = BoardRenderer.ragCounts(BoardRenderer.shownActions(state));
        List<DiffChange> changes = new ArrayList<>();
        for (RecordedEvent event : events) {
            LocalDate effectiveOn = event.event().effectiveOn();
            if (query.knownFrom() == null
                    ? effectiveOn == null || !effectiveOn.isAfter(query.from()) || effectiveOn.isAfter(query.to())
                    // as known: what the later side held and the earlier did not, whenever it speaks for
                    : inFold(event, query.from(), query.knownFrom()) || !inFold(event, query.to(), query.knownTo())) {
                continue;
            }
            PlanView next = PlanReducer.apply(state, event);
            // the write side's bookkeeping (ActionRegistered, ReferralRegistered) describes no change of its own
            for (Change change : EventDescriptions.changes(state, next, event)) {
                changes.add(new DiffChange(change.kind(), change.actionId(), change.subjectId(), change.field(),
                        change.before(), change.after(), event.audit().actor(), EventDescriptions.reason(event), effectiveOn,
                        event.recordedAt(), event.sequence()));
            }
            state = next;
        }
        changes.sort(Comparator.comparing(DiffChange::effectiveOn).thenComparingLong(DiffChange::sequence));
        RagCounts ragTo = BoardRenderer.ragCounts(BoardRenderer.shownActions(states.asAt(query.planId(), events, query.to(), query.knownTo())));
        return new PlanDiff(query.planId(), query.from(), query.to(), ragFrom, ragTo, changes);
    }

    /**
     * The diff as last computed for dates selecting the same events, when the journal has not changed
     * since (same length, same last event: the journal only grows, see {@link PlanStates}); otherwise
     * computed again. The answer carries the dates asked for.
     */
    private PlanDiff keptDiff(DiffPlan query, List<RecordedEvent> events) {
        DiffKey key = new DiffKey(query.planId(), PlanStates.selectingDate(events, query.from()),
                PlanStates.selectingDate(events, query.to()), query.knownFrom(), query.knownTo());
        KeptDiff kept = diffs.getIfPresent(key);
        String last = events.isEmpty() ? null : events.get(events.size() - 1).eventId();
        if (kept == null || kept.length() != events.size() || !java.util.Objects.equals(kept.lastEventId(), last)) {
            PlanDiff computed = diff(query, events, states);
            kept = new KeptDiff(events.size(), last, computed.ragFrom(), computed.ragTo(), List.copyOf(computed.changes()));
            diffs.put(key, kept);
        }
        return new PlanDiff(query.planId(), query.from(), query.to(), kept.ragFrom(), kept.ragTo(), kept.changes());
    }

    static PlanTimeline timeline(String planId, List<RecordedEvent> events) {
        return timeline(planId, events, NO_STATES);
    }

    private static PlanTimeline timeline(String planId, List<RecordedEvent> events, PlanStates states) {
        PlanView whole = PlanReducer.fold(planId, events);
        List<TimelinePoint> points = new ArrayList<>();
        for (BoardMeetingView meeting : whole.boardMeetings()) {
            points.add(point("BOARD_MEETING", meeting.meetingId(), meeting.heldOn(), meeting.title(), planId, events, states));
        }
        int refreshNumber = 0;
        for (RefreshView refresh : whole.refreshes()) {
            points.add(point("ANNUAL_REFRESH", "refresh-" + (++refreshNumber), refresh.effectiveOn(), refresh.note(),
                    planId, events, states));
        }
        points.sort(Comparator.comparing(TimelinePoint::date).thenComparing(TimelinePoint::kind));
        return new PlanTimeline(planId, points);
    }

    private static TimelinePoint point(String kind, String id, LocalDate date, String title, String planId,
                                       List<RecordedEvent> events, PlanStates states) {
        PlanView asAt = states.asAt(planId, events, date, null);
        return new TimelinePoint(kind, id, date, title, BoardRenderer.ragCounts(BoardRenderer.shownActions(asAt)),
                BoardRenderer.ragByPriority(asAt));
    }
}
