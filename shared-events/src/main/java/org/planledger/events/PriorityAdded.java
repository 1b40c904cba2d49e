package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record PriorityAdded(String planId, String priorityId, String title, List<String> leads, List<String> focus,
                            LocalDate effectiveOn) implements PlanEvent {

    /** focus is null when the priority names no strands, so an event from before strands were held equals it. */
    @JsonCreator
    public PriorityAdded {
        focus = focus == null || focus.isEmpty() ? null : List.copyOf(focus);
    }

    /** A priority without focus strands. */
    public PriorityAdded(String planId, String priorityId, String title, List<String> leads, LocalDate effectiveOn) {
        this(planId, priorityId, title, leads, null, effectiveOn);
    }

    /** The focus strands, empty when there are none. */
    public List<String> focusStrands() {
        return focus == null ? List.of() : focus;
    }
}
