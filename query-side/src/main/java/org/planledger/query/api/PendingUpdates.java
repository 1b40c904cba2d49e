package org.planledger.query.api;

import org.planledger.events.Lead;

import java.util.List;

/**
 * The plan-wide queue of updates submitted for approval and not yet approved or returned, oldest
 * first: each with its action (title, objective, leads) and the submission as the action's history
 * shows it.
 */
public record PendingUpdates(String planId, List<Pending> updates) {

    public PendingUpdates {
        updates = List.copyOf(updates);
    }

    public record Pending(String actionId, String actionTitle, String objectiveId, List<Lead> actionLeads,
                          SubmissionEntry submission) {
    }
}
