package org.planledger.command;

import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/** Guards shared by the aggregates. Each throws a rejection a person can act on. */
final class Rules {

    private Rules() {
    }

    static void endNotBeforeStart(LocalDate start, LocalDate end, String endField) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new CommandRejectedException(RejectionCode.END_BEFORE_START, endField,
                    "the end date " + end + " is before the start date " + start);
        }
    }

    /** @return {@code pence}, once it is known not to be negative */
    static long notNegative(long pence, String field) {
        if (pence < 0) {
            throw new CommandRejectedException(RejectionCode.NEGATIVE_MONEY, field,
                    "an amount of money cannot be negative (" + pence + " pence)");
        }
        return pence;
    }

    static void reasonGiven(String reason, String why) {
        if (reason == null || reason.isBlank()) {
            throw new CommandRejectedException(RejectionCode.REASON_REQUIRED, "reason", "a reason is required " + why);
        }
    }

    static void leadsNamed(List<org.planledger.events.Lead> leads) {
        if (leads == null || leads.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "leads", "an action needs at least one lead");
        }
        for (int i = 0; i < leads.size(); i++) {
            var lead = leads.get(i);
            // plans often name only the organisation that leads ("Kettering Borough Council")
            if (lead == null || (blank(lead.name()) && blank(lead.organisation()))) {
                throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "leads[" + i + "].name",
                        "every lead needs a name or an organisation");
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * A repeated create is harmless when it says exactly what the first one said, and a conflict
     * when it reuses the id for something else.
     */
    static boolean isRepeatOf(Object existing, Object proposed, String kind, String id) {
        if (existing == null) {
            return false;
        }
        if (existing.equals(proposed)) {
            return true;
        }
        throw new CommandRejectedException(RejectionCode.DUPLICATE_ID, "id",
                "the " + kind + " id '" + id + "' is already used for different content");
    }

    /** A stable fingerprint of a creating event, kept where the full content lives in another stream. */
    static String digest(Object creatingEvent) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(creatingEvent.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Events carry immutable lists; an absent list is an empty one, a missing element a refusal. */
    static <T> List<T> copy(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_VALUE, field + "[" + i + "]",
                        "a list entry is missing");
            }
        }
        return List.copyOf(values);
    }
}
