package org.planledger.query.api;

import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;
import org.planledger.query.plan.ReadingView;

import java.math.BigDecimal;

/**
 * An indicator as the board shows it. latestReading is the latest of the partnership's own readings
 * on the current basis (null when a series break has happened since); previousReading the one before
 * it on the same basis and change the difference (latest minus previous), both null when there is no
 * such earlier reading. onTrack is judged per target kind ({@code OnTrack}); it is null when it cannot
 * be said (no reading yet, a monitor-only target, no figure to compare, a series break since), and
 * onTrackReason always says why in words.
 */
public record BoardIndicator(String indicatorId, String name, IndicatorUnit unit, Direction direction,
                             Baseline baseline, Target target, String changeRequired, String lead,
                             ReadingView latestReading, Boolean onTrack,
                             ReadingView previousReading, BigDecimal change, int readingCount,
                             String onTrackReason) {
}
