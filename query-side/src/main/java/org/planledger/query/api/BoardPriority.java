package org.planledger.query.api;

import java.util.List;

/**
 * indicators: the priority's own measures, those defined for the priority rather than one of its objectives.
 * focus: its focus strands ("Domestic abuse"), empty when it names none.
 */
public record BoardPriority(String priorityId, String title, List<String> leads, boolean retired, RagCounts rag,
                            List<BoardObjective> objectives, List<BoardIndicator> indicators, List<String> focus) {

    public BoardPriority {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        focus = focus == null ? List.of() : List.copyOf(focus);
    }

    public BoardPriority withObjectives(List<BoardObjective> changed) {
        return new BoardPriority(priorityId, title, leads, retired, rag, changed, indicators, focus);
    }
}
