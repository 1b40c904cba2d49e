package org.planledger.query.plan;

import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An indicator and its whole series. readings holds every reading, own and peer, in period order
 * (a later-recorded reading of the same period after the earlier one); latestReading is the last
 * of the partnership's own readings in that order, readingCount counts all of them.
 *
 * <p>objectiveId is null for a plan-level measure; priorityId names the priority an indicator
 * belongs to when it has no objective; linkedObjectiveIds are further objectives that share it. retired: the
 * plan stopped measuring it (IndicatorRetired); the board no longer shows it, its series stays.
 */
public record IndicatorView(String indicatorId, String objectiveId, String name, IndicatorUnit unit, Direction direction,
                            Baseline baseline, Target target, String changeRequired, LocalDate dueOn, String lead,
                            ReadingView latestReading, int readingCount, List<ReadingView> readings,
                            String priorityId, List<String> linkedObjectiveIds, List<SeriesBreakView> seriesBreaks,
                            boolean retired, String retiredReason) {

    static final Comparator<ReadingView> PERIOD_ORDER = Comparator.comparing(ReadingView::readingDate)
            .thenComparing(ReadingView::periodStart);

    public IndicatorView {
        readings = readings == null ? List.of() : List.copyOf(readings);
        linkedObjectiveIds = linkedObjectiveIds == null ? List.of() : List.copyOf(linkedObjectiveIds);
        seriesBreaks = seriesBreaks == null ? List.of() : List.copyOf(seriesBreaks);
    }

    /** The partnership's own readings, in period order. */
    public List<ReadingView> ownReadings() {
        return readings.stream().filter(r -> !r.peer()).toList();
    }

    /** The peer group's readings, in period order. */
    public List<ReadingView> peerReadings() {
        return readings.stream().filter(ReadingView::peer).toList();
    }

    /** The latest series break, if any. */
    public Optional<SeriesBreakView> latestBreak() {
        return seriesBreaks.stream().max(Comparator.comparing(SeriesBreakView::breakOn));
    }

    /** Whether the indicator shows under this objective: its own, or one that shares it. */
    public boolean belongsTo(String objective) {
        return objective.equals(objectiveId) || linkedObjectiveIds.contains(objective);
    }

    IndicatorView withDefinition(Baseline newBaseline, Target newTarget, String newChangeRequired) {
        return new IndicatorView(indicatorId, objectiveId, name, unit, direction, newBaseline, newTarget,
                newChangeRequired, dueOn, lead, latestReading, readingCount, readings, priorityId,
                linkedObjectiveIds, seriesBreaks, retired, retiredReason);
    }

    IndicatorView withReadings(List<ReadingView> changed) {
        List<ReadingView> ordered = changed.stream().sorted(PERIOD_ORDER).toList();
        List<ReadingView> own = ordered.stream().filter(r -> !r.peer()).toList();
        return new IndicatorView(indicatorId, objectiveId, name, unit, direction, baseline, target, changeRequired,
                dueOn, lead, own.isEmpty() ? null : own.get(own.size() - 1), ordered.size(), ordered, priorityId,
                linkedObjectiveIds, seriesBreaks, retired, retiredReason);
    }

    IndicatorView withSeriesBreaks(List<SeriesBreakView> changed) {
        return new IndicatorView(indicatorId, objectiveId, name, unit, direction, baseline, target, changeRequired,
                dueOn, lead, latestReading, readingCount, readings, priorityId, linkedObjectiveIds, changed, retired,
                retiredReason);
    }

    IndicatorView withLinkedObjectiveIds(List<String> changed) {
        return new IndicatorView(indicatorId, objectiveId, name, unit, direction, baseline, target, changeRequired,
                dueOn, lead, latestReading, readingCount, readings, priorityId, changed, seriesBreaks, retired,
                retiredReason);
    }

    IndicatorView retire(String reason) {
        return new IndicatorView(indicatorId, objectiveId, name, unit, direction, baseline, target, changeRequired,
                dueOn, lead, latestReading, readingCount, readings, priorityId, linkedObjectiveIds, seriesBreaks, true,
                reason);
    }
}
