package org.planledger.query.board;

import org.planledger.query.plan.ReadingView;
import org.planledger.query.plan.SeriesBreakView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The board's view of a series: the latest of the partnership's own readings on the current basis,
 * the one before it and the change between them. Pure, on plain values. Two readings are on the
 * same basis when no series break falls between their dates; a trend never crosses a break.
 */
public record IndicatorTrend(ReadingView latest, ReadingView previous, BigDecimal change) {

    public static final IndicatorTrend NONE = new IndicatorTrend(null, null, null);

    /** own: the partnership's own readings in period order. */
    public static IndicatorTrend of(List<ReadingView> own, List<SeriesBreakView> breaks) {
        if (own.isEmpty()) {
            return NONE;
        }
        ReadingView last = own.get(own.size() - 1);
        if (!sameBasis(last.readingDate(), currentBasisFrom(breaks), breaks)) {
            return NONE; // a break since the last reading: nothing yet on the current basis
        }
        ReadingView previous = null;
        for (int i = own.size() - 2; i >= 0 && previous == null; i--) {
            ReadingView candidate = own.get(i);
            // an earlier figure for another period; a second figure for the same period is a revision, not a trend
            if (!candidate.readingDate().equals(last.readingDate()) && candidate.value() != null) {
                previous = candidate;
            }
        }
        if (previous != null && !sameBasis(previous.readingDate(), last.readingDate(), breaks)) {
            previous = null;
        }
        BigDecimal change = previous == null || last.value() == null ? null : last.value().subtract(previous.value());
        return new IndicatorTrend(last, previous, change);
    }

    /** The first day of the current basis: the latest break, or the distant past when there is none. */
    static LocalDate currentBasisFrom(List<SeriesBreakView> breaks) {
        return breaks.stream().map(SeriesBreakView::breakOn).max(LocalDate::compareTo).orElse(LocalDate.MIN);
    }

    /** No break falls after the earlier of the two dates and on or before the later one. */
    static boolean sameBasis(LocalDate one, LocalDate other, List<SeriesBreakView> breaks) {
        LocalDate from = one.isBefore(other) ? one : other;
        LocalDate to = one.isBefore(other) ? other : one;
        return breaks.stream().map(SeriesBreakView::breakOn).noneMatch(b -> b.isAfter(from) && !b.isAfter(to));
    }
}
