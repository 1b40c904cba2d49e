package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A historical figure such as "65 referrals April 2012 - March 2013, total spend £10,943", kept as
 * the fact it is rather than as invented individual cases. totalCostPence is null when the document
 * gives a count but no cost: unknown, not zero (it was a long before, always present, so stored
 * tallies read unchanged).
 */
@Revision("1")
public record ReferralsTallied(String planId, String actionId, String tallyId, LocalDate periodFrom, LocalDate periodTo, int count, Long totalCostPence, String note, LocalDate effectiveOn) implements ActionEvent {

    @JsonCreator
    public ReferralsTallied {
    }

    /** A tally with a known cost, as every tally was first recorded. */
    public ReferralsTallied(String planId, String actionId, String tallyId, LocalDate periodFrom, LocalDate periodTo,
                            int count, long totalCostPence, String note, LocalDate effectiveOn) {
        this(planId, actionId, tallyId, periodFrom, periodTo, count, Long.valueOf(totalCostPence), note, effectiveOn);
    }
}
