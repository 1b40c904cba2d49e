package org.planledger.query.support;

import org.planledger.events.*;

/** Several events carry their own "why"; the audit trail and the diff show it when metadata has none. */
final class EventReasons {

    private EventReasons() {
    }

    static String reasonOf(PlanLedgerEvent event) {
        if (event instanceof RagAssessed e) return e.reason();
        if (event instanceof ActionCeased e) return e.reason();
        if (event instanceof ActionReopened e) return e.reason();
        if (event instanceof ActionRescheduled e) return e.reason();
        if (event instanceof ActionLeadsChanged e) return e.reason();
        if (event instanceof ActionDetailsRevised e) return e.reason();
        if (event instanceof ProgressNoteCorrected e) return e.reason();
        if (event instanceof ProgressNoteWithdrawn e) return e.reason();
        if (event instanceof IndicatorRebaselined e) return e.reason();
        if (event instanceof PriorityRetired e) return e.reason();
        if (event instanceof PlanClosed e) return e.reason();
        if (event instanceof RiskReassessed e) return e.reason();
        if (event instanceof RiskClosed e) return e.reason();
        if (event instanceof ReferralDeclined e) return e.reason();
        return null;
    }
}
