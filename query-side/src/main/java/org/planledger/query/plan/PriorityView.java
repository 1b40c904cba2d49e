package org.planledger.query.plan;

import java.util.List;

public record PriorityView(String priorityId, String title, List<String> leads, boolean retired, String retiredReason) {
    public PriorityView {
        leads = leads == null ? List.of() : List.copyOf(leads);
    }
}
