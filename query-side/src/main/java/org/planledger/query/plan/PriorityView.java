package org.planledger.query.plan;

import java.util.List;

/** focus: the priority's focus strands ("Domestic abuse"), empty when it names none. */
public record PriorityView(String priorityId, String title, List<String> leads, boolean retired, String retiredReason,
                           List<String> focus) {
    public PriorityView {
        leads = leads == null ? List.of() : List.copyOf(leads);
        focus = focus == null ? List.of() : List.copyOf(focus);
    }

    public PriorityView(String priorityId, String title, List<String> leads, boolean retired, String retiredReason) {
        this(priorityId, title, leads, retired, retiredReason, List.of());
    }
}
