package org.planledger.events;

import java.time.Period;

/** How often the partnership reviews the plan; an action with no note within one cycle is stale. */
public enum Cadence {
    BI_MONTHLY(Period.ofMonths(2)),
    QUARTERLY(Period.ofMonths(3)),
    SIX_MONTHLY(Period.ofMonths(6));

    private final Period cycle;

    Cadence(Period cycle) {
        this.cycle = cycle;
    }

    public Period cycle() {
        return cycle;
    }
}
