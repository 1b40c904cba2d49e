package org.planledger.infra.pages;

import org.planledger.events.TargetKind;
import org.planledger.query.api.IndicatorSeries;
import org.planledger.query.plan.ReadingView;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator's chart as rows of bars: baseline, target, then each reading, each bar as long as its
 * figure against the largest one, and every figure written beside its bar. Drawn by the shared
 * {@code indicator-chart :: indicatorChart} fragment with plain CSS boxes in a table, so the charts page and
 * the board pack's PDF (which lays out HTML and CSS but not SVG) show the same chart, and the figures
 * are text that a screen reader, a search or a copy from the PDF finds.
 */
@Component("barCharts")
public class BarCharts {

    /** A chart: its rows, and whether any has a bar (an indicator without figures has none). */
    public record IndicatorBars(String name, List<Bar> bars, boolean drawn) {
    }

    /**
     * One row. kind is {@code baseline}, {@code target} or {@code reading} (its CSS class); percent is
     * the bar's length against the longest, a whole number from 0 to 100 (at least 1 for any figure
     * above zero, so it shows), or null when the row has no figure to draw (a target in words, or a
     * change from the baseline). Lengths are classes ({@code w0} to {@code w100} in bar-charts.css),
     * not style attributes: the pages' content security policy allows no inline style.
     */
    public record Bar(String kind, String label, String figure, Integer percent) {

        /** The bar's CSS classes. */
        public String barClass() {
            return "bar bar-" + kind + " w" + (percent == null ? 0 : percent);
        }
    }

    private final PageText text;

    public BarCharts(PageText text) {
        this.text = text;
    }

    public IndicatorBars indicator(IndicatorSeries series) {
        boolean percent = series.unit() != null && series.unit().name().equals("PERCENT");
        BigDecimal baseline = series.baseline() == null ? null : series.baseline().value();
        // only an absolute target is a level on the same scale ("10% lower than the baseline" is not)
        boolean level = series.target() != null && (series.target().kind() == null || series.target().kind() == TargetKind.ABSOLUTE);
        BigDecimal target = level ? series.target().value() : null;
        List<ReadingView> readings = series.readings().stream().filter(r -> r.value() != null).toList();

        BigDecimal longest = BigDecimal.ZERO;
        for (BigDecimal value : values(baseline, target, readings)) {
            longest = longest.max(value);
        }
        List<Bar> bars = new ArrayList<>();
        if (series.baseline() != null) {
            bars.add(new Bar("baseline", "Baseline" + (series.baseline().period() == null ? "" : " (" + series.baseline().period() + ")"),
                    baseline != null ? figure(baseline, percent) : series.baseline().text(), length(baseline, longest)));
        }
        if (series.target() != null) {
            bars.add(new Bar("target", "Target", series.target().text() != null ? series.target().text() : figure(target, percent),
                    length(target, longest)));
        }
        for (ReadingView reading : readings) {
            bars.add(new Bar("reading", reading.period() != null ? reading.period() : text.date(reading.effectiveOn()),
                    figure(reading.value(), percent), length(reading.value(), longest)));
        }
        boolean drawn = bars.stream().anyMatch(bar -> bar.percent() != null);
        return new IndicatorBars(series.name(), bars, drawn);
    }

    private static List<BigDecimal> values(BigDecimal baseline, BigDecimal target, List<ReadingView> readings) {
        List<BigDecimal> values = new ArrayList<>();
        if (baseline != null) {
            values.add(baseline);
        }
        if (target != null) {
            values.add(target);
        }
        readings.forEach(reading -> values.add(reading.value()));
        return values;
    }

    /** In whole percent, computed in decimals, so the page (and a pack's bytes) never depend on floating-point noise. */
    private static Integer length(BigDecimal value, BigDecimal longest) {
        if (value == null) {
            return null;
        }
        if (longest.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        return Math.max(1, value.multiply(BigDecimal.valueOf(100)).divide(longest, 0, RoundingMode.HALF_UP).intValue());
    }

    private String figure(BigDecimal value, boolean percent) {
        return value == null ? "–" : text.number(value) + (percent ? "%" : "");
    }
}
