package org.planledger.infra.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/** The table the benchmark prints: one row per figure, with its baseline, ratio and target. */
final class Figures {

    record Row(String benchmark, String figure, String baseline, String ratio, String target, Boolean met, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String benchmark, String figure, String baseline, String ratio, String target, Boolean met, String note) {
        Row row = new Row(benchmark, figure, baseline, ratio, target, met, note);
        rows.add(row);
        System.out.println("BENCH " + format(row));
    }

    List<Row> rows() {
        return rows;
    }

    String markdown() {
        StringBuilder table = new StringBuilder(
                "| benchmark | figure | baseline | ratio | target | met? | notes |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> table.append(format(row)).append('\n'));
        return table.toString();
    }

    private static String format(Row row) {
        String met = row.met() == null ? "—" : row.met() ? "met" : "**MISSED**";
        return "| " + String.join(" | ", row.benchmark(), row.figure(), row.baseline(), row.ratio(), row.target(), met,
                row.note() == null ? "" : row.note()) + " |";
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One warm-up, then the median of {@code repetitions} measurements. */
    static double medianOf(int repetitions, DoubleSupplier measurement) {
        measurement.getAsDouble();
        double[] values = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            values[i] = measurement.getAsDouble();
        }
        System.out.println("BENCH   repetitions: " + Arrays.toString(Arrays.stream(values)
                .map(v -> Math.round(v * 10) / 10.0).toArray()));
        return median(values);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? "%,.0f/s".formatted(perSecond) : "%.1f/s".formatted(perSecond);
    }

    static String ms(double millis) {
        return millis >= 10 ? "%.0f ms".formatted(millis) : "%.1f ms".formatted(millis);
    }
}
