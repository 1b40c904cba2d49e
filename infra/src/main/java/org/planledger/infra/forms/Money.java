package org.planledger.infra.forms;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** Pounds as people type them on a form ("£1,250.50", "1250.5", "1250"), read as the pence the API takes. */
public final class Money {

    private static final Pattern POUNDS = Pattern.compile("£?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

    private Money() {
    }

    /** The pence, or null with a message for {@code field} in {@code errors}. */
    public static Long pence(String field, String text, Map<String, String> errors) {
        if (text.startsWith("-")) {
            errors.put(field, "Enter an amount that is not negative.");
            return null;
        }
        if (!POUNDS.matcher(text).matches()) {
            errors.put(field, "Enter an amount in pounds, such as 1250 or 1,250.50.");
            return null;
        }
        try {
            return new BigDecimal(text.replace("£", "").replace(",", "").strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            errors.put(field, "Enter an amount in pounds, such as 1250 or 1,250.50.");
            return null;
        }
    }
}
