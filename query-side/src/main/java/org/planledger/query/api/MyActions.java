package org.planledger.query.api;

import java.util.List;

/** Soonest due first. */
public record MyActions(String userId, List<MyAction> actions) {
}
