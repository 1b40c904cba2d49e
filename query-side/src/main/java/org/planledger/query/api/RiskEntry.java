package org.planledger.query.api;

import java.util.List;

/** assessments: first the identification, then each reassessment. */
public record RiskEntry(String riskId, String description, int likelihood, int impact, String owner, String mitigation,
                        boolean open, String closedReason, List<RiskAssessment> assessments) {
}
