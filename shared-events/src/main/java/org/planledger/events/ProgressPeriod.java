package org.planledger.events;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The period a progress note speaks for: a month ("2013-06", as the plans write "June 2013") or a
 * day ("2013-06-14"). The note is effective from the first day it covers.
 */
public final class ProgressPeriod {

    private ProgressPeriod() {
    }

    /** @throws IllegalArgumentException with a message a person understands */
    public static LocalDate effectiveDate(String period) {
        if (period == null || period.isBlank()) {
            throw new IllegalArgumentException("a period is required, written YYYY-MM or YYYY-MM-DD");
        }
        String text = period.trim();
        try {
            if (text.length() == 7) {
                return checked(YearMonth.parse(text).atDay(1));
            }
            if (text.length() == 10) {
                return checked(LocalDate.parse(text));
            }
        } catch (DateTimeException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("'" + period + "' is not a period: write YYYY-MM or YYYY-MM-DD");
    }

    private static LocalDate checked(LocalDate date) {
        if (date.getYear() < 1900 || date.getYear() > 2999) {
            throw new IllegalArgumentException("period year out of range: " + date.getYear());
        }
        return date;
    }
}
