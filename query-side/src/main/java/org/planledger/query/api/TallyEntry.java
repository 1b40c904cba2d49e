package org.planledger.query.api;

import org.planledger.events.FinancialYear;

import java.time.LocalDate;

public record TallyEntry(String tallyId, LocalDate periodFrom, LocalDate periodTo, int count, long totalCostPence,
                         String note, FinancialYear financialYear) {
}
