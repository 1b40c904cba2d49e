package org.planledger.query.plan;

import java.time.LocalDate;

public record RefreshView(LocalDate effectiveOn, String note) {
}
