package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record FundingAllocated(String planId, String actionId, String fundingId, long amountPence, String source, FinancialYear financialYear, LocalDate effectiveOn) implements ActionEvent {
}
