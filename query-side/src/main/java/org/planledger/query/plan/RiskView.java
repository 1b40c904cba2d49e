package org.planledger.query.plan;

public record RiskView(String riskId, String description, int likelihood, int impact, String owner,
                       String mitigation, boolean open) {
}
