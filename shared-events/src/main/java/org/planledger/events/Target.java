package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.math.BigDecimal;

/**
 * value is absent for MONITOR_ONLY; text keeps the plan's own words ("Reduce to below 9%"; plan files
 * call it "wording"). baselinePeriod names the period a PERCENT_CHANGE is measured from ("3.5%
 * reduction on 2011/12"); when absent the indicator's baseline is used. peerGroup names the group a
 * PEER_COMPARISON target compares with ("Most Similar Group"). Both are null in targets recorded
 * before they existed.
 */
public record Target(TargetKind kind, BigDecimal value, String text, String baselinePeriod, String peerGroup) {

    @JsonCreator
    public Target {
    }

    public Target(TargetKind kind, BigDecimal value, String text) {
        this(kind, value, text, null, null);
    }
}
