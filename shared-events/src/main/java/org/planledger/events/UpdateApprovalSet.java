package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The action follows its plan's approval setting ({@link UpdateApprovalRequired}): recorded when the plan's
 * setting changes and when an action is added to a plan that requires approval, so the action itself
 * decides whether a lead's note is recorded or submitted.
 */
@Revision("1")
public record UpdateApprovalSet(String planId, String actionId, boolean required, LocalDate effectiveOn) implements ActionEvent {
}
