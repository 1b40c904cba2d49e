package org.planledger.infra.county;

import org.planledger.query.api.RagCounts;
import org.planledger.query.api.ReferralCounts;

import java.math.BigDecimal;
import java.util.List;

/**
 * The county view (docs/partnerships.md): counts and summaries across partnerships, built only from
 * figures (plan headers, RAG counts, indicator readings, referral counts). It has no field that
 * could carry a referral's subject, a reason, an outcome or a note: the types are the guard.
 */
public record CountyFigures(String financialYear, List<Partnership> partnerships, List<SharedMeasure> sharedMeasures) {

    /** One partnership: its plans and its referral counts for the financial year. */
    public record Partnership(String partnershipId, String name, int plans, int openPlans, RagCounts actions,
                              ReferralCounts referrals, List<PlanSummary> planSummaries) {
    }

    /** One plan's RAG summary: how many of its actions are red, amber, green or not yet rated. */
    public record PlanSummary(String planId, String title, boolean closed, boolean fictional, RagCounts rag) {
    }

    /** A measure several partnerships' plans report under the same name, their latest figures side by side. */
    public record SharedMeasure(String name, List<Figure> figures) {
    }

    /** A partnership's latest own figure of the measure: the period it is for and the value. */
    public record Figure(String partnershipId, String planId, String unit, String period, BigDecimal value) {
    }
}
