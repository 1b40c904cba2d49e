package org.planledger.query.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ReadingView(BigDecimal value, String period, String source, LocalDate effectiveOn) {
}
