package org.planledger.query.plan;

import java.util.List;

public record ObjectiveView(String objectiveId, String priorityId, String title, List<String> outcomes) {
    public ObjectiveView {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
