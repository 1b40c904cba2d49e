package org.planledger.query.plan;

import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;

import java.time.LocalDate;

/** latestReading is the reading with the latest effective date (the later recorded one on a tie). */
public record IndicatorView(String indicatorId, String objectiveId, String name, IndicatorUnit unit, Direction direction,
                            Baseline baseline, Target target, String changeRequired, LocalDate dueOn, String lead,
                            ReadingView latestReading, int readingCount) {
}
