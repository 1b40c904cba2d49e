package org.planledger.query.replay;

/**
 * Bounds of what time-travel queries keep between calls (see {@link DecodedJournals} and
 * {@link PlanStates}); 0 keeps nothing and reads and folds the journal on every query.
 *
 * @param journalEvents decoded journal events kept over all plans
 * @param foldedEvents  events folded into the plan states kept over all plans and dates
 */
public record TimeTravelCaches(long journalEvents, long foldedEvents) {

    public static final TimeTravelCaches DEFAULT =
            new TimeTravelCaches(DecodedJournals.DEFAULT_MAX_EVENTS, PlanStates.DEFAULT_MAX_FOLDED_EVENTS);
    public static final TimeTravelCaches NONE = new TimeTravelCaches(0, 0);
}
