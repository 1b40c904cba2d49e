package org.planledger.infra.query;

import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.web.BusinessDate;
import org.planledger.command.api.Limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Query parameters that reach MongoDB are checked here against a strict shape before any query is
 * built: ids, user names and event type names are plain words, dates are dates. A value such as
 * {@code {"$gt":""}} fails the shape and is refused with 400; and every value that passes is handed
 * on as a typed Java value (a String compared for equality, a LocalDate, an Instant), never parsed
 * as JSON, so no value can become an operator.
 */
public final class QueryParameters {

    public static final ZoneId PARTNERSHIP_ZONE = ZoneId.of("Europe/London");

    private static final Pattern ID = Pattern.compile(Limits.ID_PATTERN);
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,12}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,99}");

    private QueryParameters() {
    }

    public static String id(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > Limits.ID || !ID.matcher(value).matches()) {
            throw new InvalidParameterException(name, name + " must be an id of letters, digits, '.', '_' or '-' "
                    + "(at most " + Limits.ID + " characters)");
        }
        return value;
    }

    public static String user(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!USER.matcher(value).matches()) {
            throw new InvalidParameterException(name, name + " must be a user name of letters, digits, '.', '_', '@' or '-'");
        }
        return value;
    }

    public static String eventType(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!TYPE.matcher(value).matches()) {
            throw new InvalidParameterException(name, name + " must be an event type name such as ProgressRecorded");
        }
        return value;
    }

    public static LocalDate date(String name, LocalDate value) {
        if (value != null && (value.isBefore(BusinessDate.EARLIEST) || value.isAfter(BusinessDate.LATEST))) {
            throw new InvalidParameterException(name, name + " must be a date between 1900-01-01 and 2999-12-31");
        }
        return value;
    }

    /** An instant (2013-06-30T12:00:00Z) or a date, taken as the start of that day in the partnership's zone. */
    public static Instant instantOrDate(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = date(name, LocalDate.parse(value));
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(PARTNERSHIP_ZONE).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidParameterException(name, name + " must be a date (2013-06-30) or an instant "
                        + "(2013-06-30T12:00:00Z), not '" + value + "'");
            }
        }
    }

    /**
     * A whole number written the plain way (decimal digits, an optional leading minus). Spring's own
     * Integer conversion also takes "#1f", "0x10" and "-#0" (it decodes hex), which no user means; so
     * numeric parameters arrive as text and are read here.
     */
    public static int range(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new InvalidParameterException(name, name + " must be a whole number between " + min + " and " + max);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new InvalidParameterException(name, name + " must be between " + min + " and " + max);
        }
        return (int) number;
    }

    public static LocalDate today() {
        return LocalDate.now(PARTNERSHIP_ZONE);
    }
}
