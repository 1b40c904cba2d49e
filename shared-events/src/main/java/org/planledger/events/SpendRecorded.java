package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record SpendRecorded(String planId, String actionId, String spendId, long amountPence, String description, FinancialYear financialYear, LocalDate effectiveOn) implements ActionEvent {
}
