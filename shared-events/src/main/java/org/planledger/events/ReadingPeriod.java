package org.planledger.events;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period an indicator reading speaks for, as strategy documents write it: a financial year
 * "2013/14", a quarter of one "2013/14 Q1" (April to June), a calendar quarter "2014-Q1" (January to
 * March), a month "2013-06" or a day "2013-06-14". Readings are ordered by the period's last day
 * (then its first), and a reading is effective on that last day by default: a 2013/14 figure is
 * known when the year has ended.
 *
 * <p>Older readings were recorded with free text ("Q1 2013"); such a period has no span, and the
 * reading is placed by its effective date instead, so nothing recorded before becomes unreadable.
 */
public record ReadingPeriod(String text, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern FINANCIAL_QUARTER = Pattern.compile("(\\d{4}/\\d{2}) Q([1-4])");
    private static final Pattern CALENDAR_QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    // Shapes checked before parsing: free text of the same length ("reading 12") would otherwise be
    // refused by a thrown exception, and readings are parsed each time a series is ordered.
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("\\d{4}/\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The period's span, or empty when the text is not one of the forms above. */
    public static Optional<ReadingPeriod> parse(String period) {
        if (period == null) {
            return Optional.empty();
        }
        String text = period.trim();
        try {
            if (FINANCIAL_YEAR.matcher(text).matches()) {
                FinancialYear year = FinancialYear.parse(text);
                return Optional.of(new ReadingPeriod(text, year.firstDay(), year.lastDay()));
            }
            Matcher quarter = FINANCIAL_QUARTER.matcher(text);
            if (quarter.matches()) {
                LocalDate first = FinancialYear.parse(quarter.group(1)).firstDay()
                        .plusMonths(3L * (Integer.parseInt(quarter.group(2)) - 1));
                return Optional.of(new ReadingPeriod(text, first, first.plusMonths(3).minusDays(1)));
            }
            quarter = CALENDAR_QUARTER.matcher(text);
            if (quarter.matches()) {
                LocalDate first = LocalDate.of(Integer.parseInt(quarter.group(1)), 1, 1)
                        .plusMonths(3L * (Integer.parseInt(quarter.group(2)) - 1));
                return checked(new ReadingPeriod(text, first, first.plusMonths(3).minusDays(1)));
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return checked(new ReadingPeriod(text, month.atDay(1), month.atEndOfMonth()));
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return checked(new ReadingPeriod(text, day, day));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            // not a period in one of the known forms: the caller falls back to the effective date
        }
        return Optional.empty();
    }

    /** The day a reading for this period is known by default, or null for free text. */
    public static LocalDate lastDayOf(String period) {
        return parse(period).map(ReadingPeriod::lastDay).orElse(null);
    }

    private static Optional<ReadingPeriod> checked(ReadingPeriod period) {
        int year = period.firstDay().getYear();
        return year < 1900 || year > 2999 ? Optional.empty() : Optional.of(period);
    }
}
