package org.planledger.query.api;

import java.util.List;

/** Soonest due first. */
public record MyActions(String userId, List<MyAction> actions) {

    /** Only the actions of these plans (the caller's partnerships'). */
    public MyActions only(java.util.Set<String> planIds) {
        return new MyActions(userId, actions.stream().filter(action -> planIds.contains(action.planId())).toList());
    }
}
