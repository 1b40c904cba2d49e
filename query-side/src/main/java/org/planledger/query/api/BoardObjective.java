package org.planledger.query.api;

import java.util.List;

public record BoardObjective(String objectiveId, String title, List<String> outcomes, RagCounts rag,
                             List<BoardAction> actions, List<BoardIndicator> indicators) {
}
