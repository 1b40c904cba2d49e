package org.planledger.query.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The action's current position; quantity reads "41 of 60" when the note gave achieved and planned figures. */
public record LatestNote(String noteId, String period, String text, LocalDate effectiveOn,
                         BigDecimal achieved, BigDecimal planned, String quantity) {

    public LatestNote(String noteId, String period, String text, LocalDate effectiveOn) {
        this(noteId, period, text, effectiveOn, null, null, null);
    }

    /** "41 of 60", "41" or "planned 60"; null when the note gave neither. */
    public static String quantity(BigDecimal achieved, BigDecimal planned) {
        if (achieved == null && planned == null) {
            return null;
        }
        if (planned == null) {
            return achieved.stripTrailingZeros().toPlainString();
        }
        if (achieved == null) {
            return "planned " + planned.stripTrailingZeros().toPlainString();
        }
        return achieved.stripTrailingZeros().toPlainString() + " of " + planned.stripTrailingZeros().toPlainString();
    }
}
