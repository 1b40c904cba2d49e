package org.planledger.query.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The action's current position; quantity reads "41 of 60" when the note gave achieved and planned
 * figures. recordedAt is when the ledger learnt of the note, so a replay can mark a note that
 * speaks for a date but was written after it. undated: the document gives the text no date; period is only
 * where it is filed.
 */
public record LatestNote(String noteId, String period, String text, LocalDate effectiveOn,
                         BigDecimal achieved, BigDecimal planned, String quantity, Instant recordedAt, boolean undated) {

    public LatestNote(String noteId, String period, String text, LocalDate effectiveOn) {
        this(noteId, period, text, effectiveOn, null, null, null, null, false);
    }

    public LatestNote(String noteId, String period, String text, LocalDate effectiveOn, BigDecimal achieved,
                      BigDecimal planned, String quantity, Instant recordedAt) {
        this(noteId, period, text, effectiveOn, achieved, planned, quantity, recordedAt, false);
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
