package org.planledger.query.api;

import java.util.List;

public record PlanList(List<PlanSummary> plans) {
}
