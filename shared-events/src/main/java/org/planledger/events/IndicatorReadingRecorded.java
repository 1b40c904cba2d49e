package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record IndicatorReadingRecorded(String planId, String indicatorId, BigDecimal value, String period, String source, LocalDate effectiveOn) implements PlanEvent {
}
