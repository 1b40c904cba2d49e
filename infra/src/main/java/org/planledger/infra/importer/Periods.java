package org.planledger.infra.importer;

import org.planledger.events.FinancialYear;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A reading's period: a financial year {@code 2013/14}, a month {@code 2013-06} or a day {@code 2013-06-30}. */
final class Periods {

    private Periods() {
    }

    /** What is wrong with the period, or null when it is one of the three forms. */
    static String check(String period) {
        try {
            start(period);
            return null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return "must be a period: a financial year (2013/14), a month (2013-06) or a day (2013-06-30), found \""
                    + (period.length() > 40 ? period.substring(0, 40) + "…" : period) + "\""
                    + (e.getMessage() != null && period.matches("\\d{4}/\\d{2}") ? " (" + e.getMessage() + ")" : "");
        }
    }

    static LocalDate start(String period) {
        if (period.matches("\\d{4}/\\d{2}")) {
            return FinancialYear.parse(period).firstDay();
        }
        if (period.matches("\\d{4}-\\d{2}")) {
            return YearMonth.parse(period).atDay(1);
        }
        if (period.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(period);
        }
        throw new IllegalArgumentException("not a period");
    }

    /** The last day of the period: when a reading for it is known at the earliest. */
    static LocalDate end(String period) {
        if (period.matches("\\d{4}/\\d{2}")) {
            return FinancialYear.parse(period).lastDay();
        }
        if (period.matches("\\d{4}-\\d{2}")) {
            return YearMonth.parse(period).atEndOfMonth();
        }
        return LocalDate.parse(period);
    }
}
