package org.planledger.query.api;

import org.planledger.events.FinancialYear;

import java.time.LocalDate;

/** totalCostPence is null when the tally gave no cost. */
public record TallyEntry(String tallyId, LocalDate periodFrom, LocalDate periodTo, int count, Long totalCostPence,
                         String note, FinancialYear financialYear) {
}
