package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One figure in an indicator's series. readingId, costPence, note and series were added later and
 * are null in readings recorded before (the JSON simply lacks them, so no upcaster is needed):
 * readingId is the client's id for an idempotent retry; costPence an optional money figure for the
 * same period ("cost of crime"); note a caveat as the document words it; series null or "OWN" for
 * the partnership's own figure, "PEER" for its peer group's (compared by PEER_COMPARISON targets).
 */
@Revision("1")
public record IndicatorReadingRecorded(String planId, String indicatorId, String readingId, BigDecimal value,
                                       String period, Long costPence, String note, String source, String series,
                                       LocalDate effectiveOn) implements PlanEvent {

    public static final String OWN = "OWN";
    public static final String PEER = "PEER";

    @JsonCreator
    public IndicatorReadingRecorded {
    }

    /** The reading as first recorded: no id, cost, note or series. */
    public IndicatorReadingRecorded(String planId, String indicatorId, BigDecimal value, String period, String source,
                                    LocalDate effectiveOn) {
        this(planId, indicatorId, null, value, period, null, null, source, null, effectiveOn);
    }

    /** A peer group's figure rather than the partnership's own. */
    public boolean peer() {
        return PEER.equals(series);
    }
}
