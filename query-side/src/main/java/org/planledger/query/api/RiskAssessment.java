package org.planledger.query.api;

import java.time.LocalDate;

public record RiskAssessment(int likelihood, int impact, String owner, String mitigation, String reason,
                             String actor, LocalDate effectiveOn) {
}
