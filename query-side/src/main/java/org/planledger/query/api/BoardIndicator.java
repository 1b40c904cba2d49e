package org.planledger.query.api;

import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;
import org.planledger.query.plan.ReadingView;


/** onTrack is null when it cannot be said: no reading yet, a monitor-only target, or no number to compare. */
public record BoardIndicator(String indicatorId, String name, IndicatorUnit unit, Direction direction,
                             Baseline baseline, Target target, String changeRequired, String lead,
                             ReadingView latestReading, Boolean onTrack) {
}
