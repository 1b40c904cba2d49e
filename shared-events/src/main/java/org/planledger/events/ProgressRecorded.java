package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated entry in the action's "Current Position"; effectiveOn is the first day of its period.
 * achieved and planned are optional quantities the note reports ("41 of 60 homes secured"); both were
 * added later and are null in notes recorded before.
 */
@Revision("1")
public record ProgressRecorded(String planId, String actionId, String noteId, String period, String text,
                               BigDecimal achieved, BigDecimal planned, LocalDate effectiveOn) implements ActionEvent {

    @JsonCreator
    public ProgressRecorded {
    }

    /** A note without quantities, as first recorded. */
    public ProgressRecorded(String planId, String actionId, String noteId, String period, String text, LocalDate effectiveOn) {
        this(planId, actionId, noteId, period, text, null, null, effectiveOn);
    }
}
