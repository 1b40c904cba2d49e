package org.planledger.query.api;

import org.planledger.events.Cadence;

import java.time.LocalDate;

public record PlanSummary(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                          Cadence cadence, boolean closed, boolean fictional) {
}
