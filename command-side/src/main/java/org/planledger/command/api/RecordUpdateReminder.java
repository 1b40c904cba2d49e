package org.planledger.command.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records that a reminder for the action's update due on {@code dueOn} goes to {@code recipient} (a user id).
 * Sent by the reminder job, not over HTTP. The handler answers {@code true} when it recorded the
 * reminder now and {@code false} when the same reminder (action, dueOn, recipient, escalation) was
 * recorded before: the job mails only on {@code true}, so a reminder is mailed at most once.
 */
public record RecordUpdateReminder(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) String actionId,
        @NotNull java.time.LocalDate dueOn,
        @NotBlank @Size(max = Limits.ID) String recipient,
        boolean escalation,
        @NotNull Instant sentAt) {
}
