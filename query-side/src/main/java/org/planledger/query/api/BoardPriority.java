package org.planledger.query.api;

import java.util.List;

public record BoardPriority(String priorityId, String title, List<String> leads, boolean retired, RagCounts rag,
                            List<BoardObjective> objectives) {
}
