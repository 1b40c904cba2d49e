package org.planledger.query.api;

import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;
import org.planledger.query.plan.ReadingView;

import java.util.List;

/** One indicator with its current baseline and target and every reading, in effective-date order. */
public record IndicatorSeries(String indicatorId, String objectiveId, String name, IndicatorUnit unit,
                              Direction direction, Baseline baseline, Target target, List<ReadingView> readings) {
}
