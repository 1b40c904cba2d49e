package org.planledger.query.board;

import org.junit.jupiter.api.Test;
import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.ReadingPeriod;
import org.planledger.events.Target;
import org.planledger.events.TargetKind;
import org.planledger.query.plan.ReadingView;
import org.planledger.query.plan.SeriesBreakView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On track per target kind, on plain values, with the reason a board member reads. */
class OnTrackTest {

    private static final IndicatorUnit COUNT = IndicatorUnit.COUNT;

    @Test
    void improve_on_previous_compares_the_latest_reading_with_the_one_before() {
        OnTrack verdict = OnTrack.judge(Direction.REDUCE, target(TargetKind.IMPROVE_ON_PREVIOUS, null), null, COUNT,
                List.of(own("2013/14", "312"), own("2014/15", "233")), List.of(), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(true, "233 vs 312 in 2013/14: improved"));
    }

    @Test
    void improve_on_previous_with_one_reading_cannot_be_judged() {
        OnTrack verdict = OnTrack.judge(Direction.REDUCE, target(TargetKind.IMPROVE_ON_PREVIOUS, null), null, COUNT,
                List.of(own("2014/15", "233")), List.of(), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(null, "no earlier reading to compare with"));
    }

    @Test
    void an_increase_that_went_down_is_worse() {
        OnTrack verdict = OnTrack.judge(Direction.INCREASE, target(TargetKind.IMPROVE_ON_PREVIOUS, null), null,
                IndicatorUnit.PERCENT, List.of(own("2013/14", "71"), own("2014/15", "68.5")), List.of(), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(false, "68.5% vs 71% in 2013/14: worse"));
    }

    @Test
    void percent_change_compares_with_the_named_periods_reading() {
        Target target = new Target(TargetKind.PERCENT_CHANGE, new BigDecimal("3.5"), "3.5% reduction on 2011/12", "2011/12", null);

        OnTrack verdict = OnTrack.judge(Direction.REDUCE, target, null, COUNT,
                List.of(own("2011/12", "1000"), own("2012/13", "990"), own("2013/14", "979")), List.of(), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(false, "2.1% below 2011/12, target 3.5% reduction: not yet"));
    }

    @Test
    void percent_change_without_a_reading_for_the_period_uses_the_baseline_value() {
        Target target = new Target(TargetKind.PERCENT_CHANGE, new BigDecimal("5"), "5% reduction");
        Baseline baseline = new Baseline(new BigDecimal("200"), "2012/13", "iQuanta", "200 (2012/13)");

        OnTrack verdict = OnTrack.judge(Direction.REDUCE, target, baseline, COUNT, List.of(own("2013/14", "188")),
                List.of(), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(true, "6% below 2012/13, target 5% reduction: on track"));
    }

    @Test
    void absolute_uses_the_direction() {
        OnTrack verdict = OnTrack.judge(Direction.REDUCE, target(TargetKind.ABSOLUTE, "9"), null, IndicatorUnit.PERCENT,
                List.of(own("2013/14", "8.5")), List.of(), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(true, "8.5% in 2013/14 against a target of at most 9%: on track"));
    }

    @Test
    void peer_comparison_uses_the_peer_reading_of_the_same_period() {
        Target target = new Target(TargetKind.PEER_COMPARISON, null, "Below the MSG average", null, "Most Similar Group");

        OnTrack verdict = OnTrack.judge(Direction.REDUCE, target, null, IndicatorUnit.RATE,
                List.of(own("2013/14", "8.1")), List.of(peer("2012/13", "7.0"), peer("2013/14", "9.0")), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(true, "8.1 vs 9 for Most Similar Group in 2013/14: better than peers"));
    }

    @Test
    void peer_comparison_without_a_peer_figure_for_the_period_waits() {
        Target target = new Target(TargetKind.PEER_COMPARISON, null, "Below the MSG average", null, "Most Similar Group");

        OnTrack verdict = OnTrack.judge(Direction.REDUCE, target, null, IndicatorUnit.RATE,
                List.of(own("2014/15", "8.1")), List.of(peer("2013/14", "9.0")), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(null, "no figure for Most Similar Group in 2014/15 yet"));
    }

    @Test
    void monitor_only_has_no_verdict() {
        OnTrack verdict = OnTrack.judge(Direction.MONITOR, target(TargetKind.MONITOR_ONLY, null), null, COUNT,
                List.of(own("2013/14", "5")), List.of(), List.of());

        assertThat(verdict).isEqualTo(new OnTrack(null, "monitor only: no target"));
    }

    @Test
    void no_reading_yet_has_no_verdict() {
        assertThat(OnTrack.judge(Direction.REDUCE, target(TargetKind.ABSOLUTE, "9"), null, COUNT, List.of(), List.of(), List.of()))
                .isEqualTo(new OnTrack(null, "no reading yet"));
    }

    @Test
    void money_is_shown_in_pounds() {
        assertThat(OnTrack.figure(new BigDecimal("125000050"), IndicatorUnit.MONEY)).isEqualTo("£1,250,000.50");
    }

    static Target target(TargetKind kind, String value) {
        return new Target(kind, value == null ? null : new BigDecimal(value), "as written");
    }

    static ReadingView own(String period, String value) {
        return new ReadingView(null, new BigDecimal(value), null, period, null, null, null, ReadingPeriod.lastDayOf(period), false);
    }

    static ReadingView peer(String period, String value) {
        return new ReadingView(null, new BigDecimal(value), null, period, null, null, "PEER", ReadingPeriod.lastDayOf(period), false);
    }

    static SeriesBreakView seriesBreak(String on, String reason) {
        return new SeriesBreakView(LocalDate.parse(on), reason, true, LocalDate.parse(on));
    }
}
