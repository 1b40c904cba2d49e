package org.planledger.query.board;

import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.ReadingPeriod;
import org.planledger.events.Target;
import org.planledger.events.TargetKind;
import org.planledger.query.plan.ReadingView;
import org.planledger.query.plan.SeriesBreakView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Whether an indicator is on track, judged per target kind, with the reason in words a board member
 * can check against the figures ("233 vs 312 in 2013/14: improved"). onTrack is null when it cannot
 * be said, and the reason says why ("monitor only: no target"). Pure, on plain values.
 *
 * <p>Never across a series break: a figure counted under the old rules is not compared with one
 * counted under the new, and the reason names the break instead.
 */
public record OnTrack(Boolean onTrack, String reason) {

    /**
     * @param own    the partnership's own readings, in period order
     * @param peer   the peer group's readings, in period order
     * @param breaks the indicator's series breaks
     */
    public static OnTrack judge(Direction direction, Target target, Baseline baseline, IndicatorUnit unit,
                                List<ReadingView> own, List<ReadingView> peer, List<SeriesBreakView> breaks) {
        if (target == null || target.kind() == null || target.kind() == TargetKind.MONITOR_ONLY) {
            return unknown("monitor only: no target");
        }
        if (own.isEmpty()) {
            return unknown("no reading yet");
        }
        ReadingView latest = own.get(own.size() - 1);
        SeriesBreakView lastBreak = breaks.stream().max((a, b) -> a.breakOn().compareTo(b.breakOn())).orElse(null);
        if (lastBreak != null && latest.readingDate().isBefore(lastBreak.breakOn())) {
            return brokenBy(lastBreak);
        }
        if (latest.value() == null) {
            return unknown("the latest reading has no figure");
        }
        if (direction == null || direction == Direction.MONITOR) {
            return unknown("no direction to judge by: monitor only");
        }
        return switch (target.kind()) {
            case ABSOLUTE -> absolute(direction, target, unit, latest);
            case PERCENT_CHANGE -> percentChange(direction, target, baseline, unit, own, latest, breaks);
            case IMPROVE_ON_PREVIOUS -> improveOnPrevious(direction, unit, own, breaks);
            case PEER_COMPARISON -> peerComparison(direction, target, unit, latest, peer);
            case MONITOR_ONLY -> unknown("monitor only: no target");
        };
    }

    private static OnTrack absolute(Direction direction, Target target, IndicatorUnit unit, ReadingView latest) {
        if (target.value() == null) {
            return unknown("no target figure to compare with");
        }
        boolean met = meets(direction, latest.value(), target.value());
        return new OnTrack(met, figure(latest.value(), unit) + " in " + latest.period() + " against a target of "
                + (direction == Direction.REDUCE ? "at most " : "at least ") + figure(target.value(), unit)
                + (met ? ": on track" : ": not yet"));
    }

    private static OnTrack percentChange(Direction direction, Target target, Baseline baseline, IndicatorUnit unit,
                                         List<ReadingView> own, ReadingView latest, List<SeriesBreakView> breaks) {
        if (target.value() == null) {
            return unknown("no target percentage to compare with");
        }
        String basePeriod = target.baselinePeriod() != null ? target.baselinePeriod()
                : baseline != null ? baseline.period() : null;
        ReadingView baseReading = basePeriod == null ? null : own.stream()
                .filter(r -> basePeriod.equals(r.period()) && r.value() != null).reduce((a, b) -> b).orElse(null);
        BigDecimal base;
        LocalDate baseDate;
        if (baseReading != null) {
            base = baseReading.value();
            baseDate = baseReading.readingDate();
        } else if (baseline != null && baseline.value() != null
                && (target.baselinePeriod() == null || target.baselinePeriod().equals(baseline.period()))) {
            base = baseline.value();
            baseDate = ReadingPeriod.lastDayOf(baseline.period());
        } else {
            return unknown("no figure for " + (basePeriod == null ? "the baseline" : basePeriod) + " to compare with");
        }
        if (baseDate != null) {
            SeriesBreakView between = breakBetween(baseDate, latest.readingDate(), breaks);
            if (between != null) {
                return brokenBy(between);
            }
        }
        if (base.signum() == 0) {
            return unknown("the baseline is zero: no percentage change can be worked out");
        }
        BigDecimal changePercent = latest.value().subtract(base).multiply(BigDecimal.valueOf(100))
                .divide(base, 1, RoundingMode.HALF_UP);
        BigDecimal wanted = direction == Direction.REDUCE ? changePercent.negate() : changePercent;
        boolean met = wanted.compareTo(target.value()) >= 0;
        String movedBy = changePercent.signum() == 0 ? "no change on " + label(basePeriod)
                : plain(changePercent.abs()) + "% " + (changePercent.signum() < 0 ? "below " : "above ") + label(basePeriod);
        return new OnTrack(met, movedBy + ", target " + plain(target.value()) + "% "
                + (direction == Direction.REDUCE ? "reduction" : "increase") + (met ? ": on track" : ": not yet"));
    }

    private static OnTrack improveOnPrevious(Direction direction, IndicatorUnit unit, List<ReadingView> own,
                                             List<SeriesBreakView> breaks) {
        IndicatorTrend trend = IndicatorTrend.of(own, breaks);
        if (trend.previous() == null) {
            ReadingView latest = own.get(own.size() - 1);
            ReadingView earlier = own.stream().filter(r -> r.readingDate().isBefore(latest.readingDate()) && r.value() != null)
                    .reduce((a, b) -> b).orElse(null);
            SeriesBreakView between = earlier == null ? null : breakBetween(earlier.readingDate(), latest.readingDate(), breaks);
            return between != null ? brokenBy(between) : unknown("no earlier reading to compare with");
        }
        int comparison = trend.latest().value().compareTo(trend.previous().value());
        String words = figure(trend.latest().value(), unit) + " vs " + figure(trend.previous().value(), unit)
                + " in " + trend.previous().period();
        if (comparison == 0) {
            return new OnTrack(false, words + ": no change");
        }
        boolean improved = direction == Direction.REDUCE ? comparison < 0 : comparison > 0;
        return new OnTrack(improved, words + (improved ? ": improved" : ": worse"));
    }

    private static OnTrack peerComparison(Direction direction, Target target, IndicatorUnit unit, ReadingView latest,
                                          List<ReadingView> peer) {
        ReadingView peerReading = peer.stream()
                .filter(r -> r.value() != null && (Objects.equals(r.period(), latest.period())
                        || r.readingDate().equals(latest.readingDate())))
                .reduce((a, b) -> b).orElse(null);
        String group = target.peerGroup() == null ? "the peer group" : target.peerGroup();
        if (peerReading == null) {
            return unknown("no figure for " + group + " in " + latest.period() + " yet");
        }
        int comparison = latest.value().compareTo(peerReading.value());
        String words = figure(latest.value(), unit) + " vs " + figure(peerReading.value(), unit) + " for " + group
                + " in " + latest.period();
        if (comparison == 0) {
            return new OnTrack(true, words + ": level with peers");
        }
        boolean better = direction == Direction.REDUCE ? comparison < 0 : comparison > 0;
        return new OnTrack(better, words + (better ? ": better than peers" : ": worse than peers"));
    }

    private static boolean meets(Direction direction, BigDecimal value, BigDecimal goal) {
        int comparison = value.compareTo(goal);
        return direction == Direction.REDUCE ? comparison <= 0 : comparison >= 0;
    }

    /** The latest break falling after the earlier date and on or before the later one, if any. */
    private static SeriesBreakView breakBetween(LocalDate one, LocalDate other, List<SeriesBreakView> breaks) {
        LocalDate from = one.isBefore(other) ? one : other;
        LocalDate to = one.isBefore(other) ? other : one;
        return breaks.stream().filter(b -> b.breakOn().isAfter(from) && !b.breakOn().isAfter(to))
                .max((a, b) -> a.breakOn().compareTo(b.breakOn())).orElse(null);
    }

    private static OnTrack brokenBy(SeriesBreakView seriesBreak) {
        return unknown("series break on " + seriesBreak.breakOn()
                + (seriesBreak.reason() == null || seriesBreak.reason().isBlank() ? "" : " (" + seriesBreak.reason() + ")")
                + ": no comparison yet");
    }

    private static OnTrack unknown(String reason) {
        return new OnTrack(null, reason);
    }

    private static String label(String period) {
        return period == null ? "the baseline" : period;
    }

    /** A figure as the document would print it: 9.5%, £1,250.00 for a money value held in pence, 233. */
    static String figure(BigDecimal value, IndicatorUnit unit) {
        if (unit == IndicatorUnit.MONEY) {
            return String.format("£%,.2f", value.movePointLeft(2));
        }
        return plain(value) + (unit == IndicatorUnit.PERCENT ? "%" : "");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
