package org.planledger.infra.pages;

import org.planledger.query.api.IndicatorSeries;
import org.planledger.query.api.RagCounts;
import org.planledger.query.api.RagPoint;
import org.planledger.query.plan.ReadingView;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG drawn on the server: no chart library, no script, and readable by screen
 * readers through each chart's title and description (every chart also has a table of its figures
 * on the page). Every text that comes from data is escaped. Colours keep 3:1 against white, with a
 * dark outline on every shape, so no meaning is carried by colour alone.
 */
final class SvgCharts {

    static final String RED = "#b10e1e";
    static final String AMBER = "#ffdd00";
    static final String GREEN = "#00703c";
    static final String UNRATED = "#505a5f";
    private static final String INK = "#0b0c0c";
    private static final String GRID = "#b1b4b6";
    private static final String BLUE = "#1d70b8";

    private SvgCharts() {
    }

    /** Stacked bars: one per date, red at the bottom, then amber, green, not rated. */
    static String ragOverTime(List<RagPoint> points, String id) {
        int width = 760;
        int height = 320;
        int left = 44;
        int bottom = 64;
        int top = 16;
        int plotHeight = height - top - bottom;
        int max = Math.max(1, points.stream().mapToInt(p -> total(p.rag())).max().orElse(1));
        StringBuilder svg = open(id, width, height, "RAG counts over the plan's timeline",
                "Stacked bars of red, amber, green and not rated actions at " + points.size() + " dates.");
        axisY(svg, left, top, width, plotHeight, max);
        double slot = points.isEmpty() ? 0 : (double) (width - left - 8) / points.size();
        double barWidth = Math.max(4, Math.min(40, slot * 0.7));
        for (int i = 0; i < points.size(); i++) {
            RagPoint point = points.get(i);
            double x = left + slot * i + (slot - barWidth) / 2;
            double y = top + plotHeight;
            int[] values = {point.rag().red(), point.rag().amber(), point.rag().green(), point.rag().unrated()};
            String[] colours = {RED, AMBER, GREEN, UNRATED};
            String[] names = {"red", "amber", "green", "not rated"};
            for (int s = 0; s < values.length; s++) {
                if (values[s] == 0) {
                    continue;
                }
                double h = (double) values[s] / max * plotHeight;
                y -= h;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1\">"
                                + "<title>%s: %d %s</title></rect>",
                        x, y, barWidth, h, colours[s], INK, esc(point.date().toString()), values[s], names[s]));
            }
            if (points.size() <= 16 || i % Math.ceil(points.size() / 16.0) == 0) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\" text-anchor=\"end\" "
                                + "transform=\"rotate(-45 %.1f %d)\">%s</text>",
                        x + barWidth / 2, top + plotHeight + 16, INK, x + barWidth / 2, top + plotHeight + 16,
                        esc(label(point.date()))));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Readings as a line of points against the baseline (dotted) and the target (dashed), when they have numbers. */
    static String indicator(IndicatorSeries series, String id) {
        int width = 560;
        int height = 240;
        int left = 56;
        int right = 110;
        int top = 16;
        int bottom = 48;
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        List<BigDecimal> values = new ArrayList<>();
        series.readings().stream().map(ReadingView::value).filter(v -> v != null).forEach(values::add);
        BigDecimal baseline = series.baseline() == null ? null : series.baseline().value();
        BigDecimal target = series.target() == null ? null : series.target().value();
        boolean relativeTarget = series.target() != null && series.target().kind() != null
                && series.target().kind().name().contains("CHANGE");
        if (baseline != null) {
            values.add(baseline);
        }
        if (target != null && !relativeTarget) {
            values.add(target);
        }
        String description = "Baseline " + (baseline == null ? "none" : baseline.toPlainString())
                + ", target " + (series.target() == null ? "none" : series.target().text())
                + ", " + series.readings().size() + " readings.";
        StringBuilder svg = open(id, width, height, series.name(), description);
        if (values.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"%s\">No figures to draw.</text>",
                    left, top + plotHeight / 2, INK));
            return svg.append("</svg>").toString();
        }
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.05 + 0.5);
        double low = Math.max(0, min - pad);
        double high = max + pad;
        axisValues(svg, left, top, left + plotWidth, plotHeight, low, high);
        if (baseline != null) {
            double y = scale(baseline.doubleValue(), low, high, top, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2\" stroke-dasharray=\"2 4\"/>", left, left + plotWidth, y, y, INK));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">Baseline %s</text>",
                    left + plotWidth + 6, y + 4, INK, esc(baseline.stripTrailingZeros().toPlainString())));
        }
        if (target != null && !relativeTarget) {
            double y = scale(target.doubleValue(), low, high, top, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2\" stroke-dasharray=\"8 4\"/>", left, left + plotWidth, y, y, GREEN));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">Target %s</text>",
                    left + plotWidth + 6, y + 4, GREEN, esc(target.stripTrailingZeros().toPlainString())));
        }
        List<ReadingView> readings = series.readings().stream().filter(r -> r.value() != null).toList();
        if (readings.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"%s\">No readings recorded yet</text>",
                    left + 8, top + plotHeight - 8, INK));
        } else {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < readings.size(); i++) {
                ReadingView reading = readings.get(i);
                double x = readings.size() == 1 ? left + plotWidth / 2.0 : left + (double) plotWidth * i / (readings.size() - 1);
                double y = scale(reading.value().doubleValue(), low, high, top, plotHeight);
                path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"%s\">"
                                + "<title>%s: %s</title></circle>", x, y, BLUE, INK,
                        esc(reading.period() == null ? String.valueOf(reading.effectiveOn()) : reading.period()),
                        esc(reading.value().stripTrailingZeros().toPlainString())));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                        x, top + plotHeight + 16, INK, esc(reading.period() == null ? "" : reading.period())));
            }
            svg.insert(svg.length(), String.format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path, BLUE));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, int width, int height, String title, String description) {
        return new StringBuilder().append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "aria-labelledby=\"%s-title %s-desc\" preserveAspectRatio=\"xMinYMin meet\">"
                        + "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>"
                        + "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>",
                width, height, esc(id), esc(id), esc(id), esc(title), esc(id), esc(description), width, height));
    }

    private static void axisY(StringBuilder svg, int left, int top, int width, int plotHeight, int max) {
        int step = Math.max(1, (int) Math.ceil(max / 5.0));
        for (int v = 0; v <= max; v += step) {
            double y = top + plotHeight - (double) v / max * plotHeight;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                    left, width - 8, y, y, GRID));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"%s\" text-anchor=\"end\">%d</text>",
                    left - 6, y + 4, INK, v));
        }
    }

    private static void axisValues(StringBuilder svg, int left, int top, int right, int plotHeight, double low, double high) {
        for (int i = 0; i <= 4; i++) {
            double value = low + (high - low) * i / 4;
            double y = scale(value, low, high, top, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                    left, right, y, y, GRID));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"%s\" text-anchor=\"end\">%s</text>",
                    left - 6, y + 4, INK, esc(BigDecimal.valueOf(value).setScale(high - low < 10 ? 1 : 0,
                            java.math.RoundingMode.HALF_UP).toPlainString())));
        }
    }

    private static double scale(double value, double low, double high, int top, int plotHeight) {
        return top + plotHeight - (value - low) / (high - low) * plotHeight;
    }

    private static int total(RagCounts rag) {
        return rag.red() + rag.amber() + rag.green() + rag.unrated();
    }

    private static String label(LocalDate date) {
        return date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK) + " " + date.getYear();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
