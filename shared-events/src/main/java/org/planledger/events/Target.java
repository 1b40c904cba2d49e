package org.planledger.events;

import java.math.BigDecimal;

/** value is absent for MONITOR_ONLY; text keeps the plan's own words ("Reduce to below 9%"). */
public record Target(TargetKind kind, BigDecimal value, String text) {
}
