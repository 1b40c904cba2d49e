package org.planledger.query.api;

import org.planledger.events.FinancialYear;

import java.time.Instant;
import java.time.LocalDate;

/** A funding allocation (source set) or an item of spend (description set). */
public record MoneyEntry(String id, long amountPence, String source, String description, FinancialYear financialYear,
                         LocalDate effectiveOn, String actor, Instant recordedAt) {
}
