package org.planledger.query.plan;

import org.planledger.events.ReadingPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reading of an indicator. series is null or "OWN" for the partnership's own figure, "PEER" for
 * its peer group's; oldBasis marks a reading dated before a later series break (counted under
 * rules that no longer apply), which trend and on-track never compare with a newer one. corrections counts
 * the times the published figure was revised (IndicatorReadingCorrected); value, costPence and note are the
 * figures as they now stand, and originalValue the value as first recorded.
 */
public record ReadingView(String readingId, BigDecimal value, Long costPence, String period, String note,
                          String source, String series, LocalDate effectiveOn, boolean oldBasis,
                          int corrections, BigDecimal originalValue) {

    public ReadingView(String readingId, BigDecimal value, Long costPence, String period, String note,
                       String source, String series, LocalDate effectiveOn, boolean oldBasis) {
        this(readingId, value, costPence, period, note, source, series, effectiveOn, oldBasis, 0, null);
    }

    public ReadingView(BigDecimal value, String period, String source, LocalDate effectiveOn) {
        this(null, value, null, period, null, source, null, effectiveOn, false);
    }

    public boolean peer() {
        return "PEER".equals(series);
    }

    /** The day the figure speaks for: its period's last day, or its effective date for a free-text period. */
    public LocalDate readingDate() {
        LocalDate last = ReadingPeriod.lastDayOf(period);
        return last != null ? last : effectiveOn;
    }

    /** Orders a series by period (its last day, then its first), then by effective date. */
    LocalDate periodStart() {
        return ReadingPeriod.parse(period).map(ReadingPeriod::firstDay).orElse(effectiveOn);
    }

    ReadingView onOldBasis() {
        return new ReadingView(readingId, value, costPence, period, note, source, series, effectiveOn, true,
                corrections, originalValue);
    }

    ReadingView corrected(BigDecimal newValue, Long newCostPence, String newNote) {
        return new ReadingView(readingId, newValue, newCostPence, period, newNote, source, series, effectiveOn, oldBasis,
                corrections + 1, originalValue != null ? originalValue : value);
    }
}
