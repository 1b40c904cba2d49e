package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated entry in the action's "Current Position"; effectiveOn is the first day of its period.
 * achieved and planned are optional quantities the note reports ("41 of 60 homes secured"); both were
 * added later and are null in notes recorded before. undated is TRUE for text the document gives no date
 * for, filed under period (its action's start month) as background rather than as news of that month; it
 * is null otherwise (false is stored as null, so a note recorded before the flag existed, which Jackson
 * reads with a null undated, equals the same note sent again without the flag).
 */
@Revision("1")
public record ProgressRecorded(String planId, String actionId, String noteId, String period, String text,
                               BigDecimal achieved, BigDecimal planned, Boolean undated, LocalDate effectiveOn)
        implements ActionEvent {

    @JsonCreator
    public ProgressRecorded {
        undated = Boolean.TRUE.equals(undated) ? Boolean.TRUE : null;
    }

    /** A dated note with optional quantities. */
    public ProgressRecorded(String planId, String actionId, String noteId, String period, String text,
                            BigDecimal achieved, BigDecimal planned, LocalDate effectiveOn) {
        this(planId, actionId, noteId, period, text, achieved, planned, null, effectiveOn);
    }

    /** A note without quantities, as first recorded. */
    public ProgressRecorded(String planId, String actionId, String noteId, String period, String text, LocalDate effectiveOn) {
        this(planId, actionId, noteId, period, text, null, null, null, effectiveOn);
    }
}
