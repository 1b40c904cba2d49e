package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A published figure was revised: the reading's value, cost and note become these from effectiveOn (the
 * day it was corrected), so "as at" an earlier date still shows what was published then. The original
 * stays in the reading's IndicatorReadingRecorded.
 */
@Revision("1")
public record IndicatorReadingCorrected(String planId, String indicatorId, String readingId, BigDecimal value,
                                        Long costPence, String note, String reason, LocalDate effectiveOn)
        implements PlanEvent {
}
