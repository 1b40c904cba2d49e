package org.planledger.query.plan;

import java.util.List;

/** retired: a refresh dropped it (ObjectiveRetired); the board no longer shows it, replays before that day do. */
public record ObjectiveView(String objectiveId, String priorityId, String title, List<String> outcomes,
                            boolean retired, String retiredReason) {
    public ObjectiveView {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    public ObjectiveView(String objectiveId, String priorityId, String title, List<String> outcomes) {
        this(objectiveId, priorityId, title, outcomes, false, null);
    }

    ObjectiveView retire(String reason) {
        return new ObjectiveView(objectiveId, priorityId, title, outcomes, true, reason);
    }
}
