package org.planledger.infra.pages;

import org.planledger.query.api.RagCounts;
import org.planledger.query.api.RagPoint;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The charts page's RAG-over-time chart as inline SVG drawn on the server: no chart library, no
 * script, and readable by screen readers through its title and description (the page also has a
 * table of its figures). Indicator charts are CSS bars instead ({@link BarCharts}), which the board
 * pack's PDF can lay out too. Every text that comes from data is escaped. Colours keep 3:1 against white, with a
 * dark outline on every shape, so no meaning is carried by colour alone.
 */
final class SvgCharts {

    static final String RED = "#b10e1e";
    static final String AMBER = "#ffdd00";
    static final String GREEN = "#00703c";
    static final String UNRATED = "#505a5f";
    private static final String INK = "#0b0c0c";
    private static final String GRID = "#b1b4b6";

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
