package org.planledger.query.referrals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.planledger.events.*;
import org.planledger.query.api.ActionReferralStatistics;
import org.planledger.query.api.FindReferralStatistics;
import org.planledger.query.api.ReferralCounts;
import org.planledger.query.api.ReferralStatistics;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Referral figures per action per financial year (April to March).
 * <ul>
 *   <li>{@code referral_statistics}: {@code {_id: "planId:2013/14", planId, financialYear, appliedVersions,
 *       actions: [{actionId, received, accepted, declined, closed, tallied, costed, totalCostPence}]}}:
 *       one read answers a plan's year; rows sorted by actionId.</li>
 *   <li>{@code referral_cases}: {@code {_id: referralId, planId, actionId, financialYear, status,
 *       appliedVersions}}: remembers which year a case counts in when it is accepted, declined or closed later.</li>
 *   <li>{@code referral_plans}: {@code {_id: planId, appliedVersions, actions: [{actionId, title}]}}:
 *       which plans exist (an unknown plan is an empty answer) and the action titles, in the order added.</li>
 * </ul>
 * Each document deduplicates on its own {@code appliedVersions} (see
 * {@link org.planledger.query.support.AppliedEvents}), because one event touches a case and a
 * year's figures and a crash may have written one but not the other. A redelivered event is skipped;
 * one the event store committed late, behind higher sequences, is still counted. Counts are sums,
 * so the order events arrive in does not change them.
 * How cases and tallies add up:
 * <ul>
 *   <li>A case counts in the financial year it was received, whenever it is decided or closed,
 *       so each year's figures describe that year's intake.</li>
 *   <li>A tally ("65 referrals April 2012 - March 2013, £10,943") counts in the year its period
 *       ends in: its {@code count} is added to received (and to tallied, so readers can tell), its
 *       total cost to the total cost. A tally does not say how many were accepted, declined or
 *       closed, so those counts come from cases only.</li>
 *   <li>Cost: closed cases' cost plus tallies' total cost. Average cost divides that by the
 *       referrals that carry a cost: closed cases plus tallied referrals (an open case has no cost
 *       yet and would only drag the average down).</li>
 * </ul>
 */
@ProcessingGroup(ReferralStatisticsProjection.PROCESSING_GROUP)
public class ReferralStatisticsProjection {

    public static final String PROCESSING_GROUP = "referral-statistics";
    public static final String STATISTICS = "referral_statistics";
    public static final String CASES = "referral_cases";
    public static final String PLANS = "referral_plans";

    private final MongoCollection<Document> statistics;
    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> plans;
    private final WriteBehind writes = new WriteBehind();

    public ReferralStatisticsProjection(MongoDatabase database) {
        this.statistics = database.getCollection(STATISTICS);
        this.cases = database.getCollection(CASES);
        this.plans = database.getCollection(PLANS);
    }

    @EventHandler
    public void on(PlanLedgerEvent event, EventMessage<?> message) {
        RecordedEvent recorded = RecordedEvent.of(message);
        WriteBehind.Batch batch = writes.current();
        switch (event) {
            // ---- which plans exist, and their actions' titles
            case PlanDrafted e -> recordPlan(batch, recorded, actions -> { });
            case ActionAdded e -> recordPlan(batch, recorded, actions -> titleAdded(actions, e.actionId(), e.title()));
            case ActionDetailsRevised e -> recordPlan(batch, recorded, actions -> titleRevised(actions, e.actionId(), e.title()));
            // ---- the figures
            case ReferralsTallied e -> {
                FinancialYear year = FinancialYear.containing(e.periodTo());
                // a tally without a cost: its referrals are counted, their cost is unknown rather than zero
                count(batch, recorded, year, e.actionId(), "received", e.count(), "tallied", e.count(),
                        "costed", e.totalCostPence() == null ? 0 : e.count(),
                        "totalCostPence", e.totalCostPence() == null ? 0L : e.totalCostPence(),
                        "uncosted", e.totalCostPence() == null ? e.count() : 0);
            }
            case ReferralRecorded e -> referralRecorded(batch, recorded, e);
            case ReferralAccepted e -> caseChanged(batch, recorded, e.referralId(), ReferralStatus.ACCEPTED, "accepted", 1);
            case ReferralDeclined e -> caseChanged(batch, recorded, e.referralId(), ReferralStatus.DECLINED, "declined", 1);
            case ReferralClosed e -> caseChanged(batch, recorded, e.referralId(), ReferralStatus.CLOSED, "closed", 1,
                    "costed", 1, "totalCostPence", e.costPence());
            case ReferralSubjectErased e -> { } // erasure keeps every count and cost
            // ---- nothing to count
            case PriorityAdded e -> { }
            case PriorityRevised e -> { }
            case PriorityRetired e -> { }
            case ObjectiveAdded e -> { }
            case ObjectiveRevised e -> { }
            case ObjectiveRetired e -> { }
            case IndicatorRetired e -> { }
            case IndicatorReadingCorrected e -> { }
            case IndicatorDefined e -> { }
            case IndicatorRebaselined e -> { }
            case IndicatorReadingRecorded e -> { }
            case IndicatorSeriesBroken e -> { }
            case IndicatorLinked e -> { }
            case PlanMemberRecorded e -> { }
            case ActionRegistered e -> { }
            case BoardMeetingRecorded e -> { }
            case BoardPackIssued e -> { }
            case UpdateApprovalRequired e -> { }
            case PlanRefreshed e -> { }
            case PlanLabelledFictional e -> { }
            case PlanClosed e -> { }
            case ActionRescheduled e -> { }
            case ActionLeadsChanged e -> { }
            case ActionCompleted e -> { }
            case ActionCeased e -> { }
            case ActionReopened e -> { }
            case ProgressRecorded e -> { }
            case ProgressNoteCorrected e -> { }
            case ProgressNoteWithdrawn e -> { }
            case RagAssessed e -> { }
            case FundingAllocated e -> { }
            case SpendRecorded e -> { }
            case RiskIdentified e -> { }
            case RiskReassessed e -> { }
            case RiskClosed e -> { }
            case ReferralRegistered e -> { } // the case is counted from its own ReferralRecorded
            case UpdateReminderSent e -> { }
            case UpdateApprovalSet e -> { }
            case ProgressSubmitted e -> { }
            case ProgressApproved e -> { }
            case ProgressReturned e -> { }
        }
        batch.endOfMessage();
    }

    @ResetHandler
    public void reset() {
        statistics.deleteMany(new Document());
        cases.deleteMany(new Document());
        plans.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<ReferralStatistics> handle(FindReferralStatistics query) {
        Document plan = plans.find(Filters.eq("_id", query.planId())).first();
        if (plan == null) {
            return Optional.empty();
        }
        Document year = statistics.find(Filters.eq("_id", yearId(query.planId(), query.financialYear()))).first();
        List<ActionReferralStatistics> actions = new ArrayList<>();
        long received = 0, accepted = 0, declined = 0, closed = 0, tallied = 0, costed = 0, cost = 0, uncosted = 0;
        if (year != null) {
            for (Document row : year.getList("actions", Document.class)) {
                actions.add(new ActionReferralStatistics(row.getString("actionId"),
                        titleOf(plan, row.getString("actionId")), counts(row)));
                received += number(row, "received"); accepted += number(row, "accepted");
                declined += number(row, "declined"); closed += number(row, "closed");
                tallied += number(row, "tallied"); costed += number(row, "costed"); cost += number(row, "totalCostPence");
                uncosted += number(row, "uncosted");
            }
        }
        ReferralCounts total = new ReferralCounts((int) received, (int) accepted, (int) declined, (int) closed,
                (int) tallied, cost, costed == 0 ? 0 : cost / costed, (int) uncosted);
        return Optional.of(new ReferralStatistics(query.planId(), query.financialYear(), actions, total));
    }

    private void recordPlan(WriteBehind.Batch batch, RecordedEvent recorded, Consumer<List<Document>> changeActions) {
        String planId = recorded.event().planId();
        Document plan = batch.find(plans, planId);
        if (recorded.alreadyAppliedTo(plan)) {
            return;
        }
        List<Document> actions = new ArrayList<>(plan == null ? List.of() : plan.getList("actions", Document.class));
        changeActions.accept(actions);
        batch.save(plans, recorded.markAppliedOn(new Document("_id", planId).append("actions", actions), plan));
    }

    private static void titleAdded(List<Document> actions, String actionId, String title) {
        if (indexOf(actions, actionId) == actions.size()) {
            actions.add(titleRow(actionId, title));
        }
    }

    /**
     * Revised in place: the list stays in the order actions were added (serialised by the plan),
     * whenever a revision of one action arrives relative to another's addition.
     */
    private static void titleRevised(List<Document> actions, String actionId, String title) {
        int at = indexOf(actions, actionId);
        if (at == actions.size()) {
            actions.add(titleRow(actionId, title));
        } else {
            actions.set(at, titleRow(actionId, title));
        }
    }

    private static int indexOf(List<Document> actions, String actionId) {
        int at = 0;
        while (at < actions.size() && !actions.get(at).getString("actionId").equals(actionId)) {
            at++;
        }
        return at;
    }

    private static Document titleRow(String actionId, String title) {
        return new Document("actionId", actionId).append("title", title);
    }

    private void referralRecorded(WriteBehind.Batch batch, RecordedEvent recorded, ReferralRecorded e) {
        FinancialYear year = FinancialYear.containing(e.receivedOn());
        Document kase = batch.find(cases, e.referralId());
        if (!recorded.alreadyAppliedTo(kase)) {
            batch.save(cases, recorded.markAppliedOn(new Document("_id", e.referralId()).append("planId", e.planId())
                    .append("actionId", e.actionId()).append("financialYear", year.toString())
                    .append("status", ReferralStatus.RECEIVED.name()), kase));
        }
        count(batch, recorded, year, e.actionId(), "received", 1);
    }

    private void caseChanged(WriteBehind.Batch batch, RecordedEvent recorded, String referralId, ReferralStatus status,
                             Object... increments) {
        Document kase = batch.find(cases, referralId);
        if (kase == null) {
            return; // a decision on a case never recorded cannot be placed in a year
        }
        if (!recorded.alreadyAppliedTo(kase)) {
            batch.save(cases, recorded.markAppliedOn(new Document(kase).append("status", status.name()), kase));
        }
        count(batch, recorded, FinancialYear.parse(kase.getString("financialYear")), kase.getString("actionId"), increments);
    }

    /** Adds to the action's row in the plan's year; increments are name, amount pairs. */
    private void count(WriteBehind.Batch batch, RecordedEvent recorded, FinancialYear year, String actionId,
                       Object... increments) {
        String planId = recorded.event().planId();
        String id = yearId(planId, year);
        Document stored = batch.find(statistics, id);
        if (recorded.alreadyAppliedTo(stored)) {
            return;
        }
        List<Document> rows = new ArrayList<>(stored == null ? List.of() : stored.getList("actions", Document.class));
        Document row = rows.stream().filter(r -> r.getString("actionId").equals(actionId)).findFirst()
                .map(Document::new).orElseGet(() -> new Document("actionId", actionId).append("received", 0L)
                        .append("accepted", 0L).append("declined", 0L).append("closed", 0L).append("tallied", 0L)
                        .append("costed", 0L).append("totalCostPence", 0L));
        for (int i = 0; i < increments.length; i += 2) {
            String field = (String) increments[i];
            row.put(field, number(row, field) + ((Number) increments[i + 1]).longValue());
        }
        rows.removeIf(r -> r.getString("actionId").equals(actionId));
        rows.add(row);
        rows.sort((a, b) -> a.getString("actionId").compareTo(b.getString("actionId")));
        batch.save(statistics, recorded.markAppliedOn(new Document("_id", id).append("planId", planId)
                .append("financialYear", year.toString()).append("actions", rows), stored));
    }

    private static ReferralCounts counts(Document row) {
        long costed = number(row, "costed");
        long cost = number(row, "totalCostPence");
        return new ReferralCounts((int) number(row, "received"), (int) number(row, "accepted"),
                (int) number(row, "declined"), (int) number(row, "closed"), (int) number(row, "tallied"),
                cost, costed == 0 ? 0 : cost / costed, (int) number(row, "uncosted"));
    }

    private static String titleOf(Document plan, String actionId) {
        return plan.getList("actions", Document.class).stream().filter(a -> a.getString("actionId").equals(actionId))
                .map(a -> a.getString("title")).findFirst().orElse(null);
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String yearId(String planId, FinancialYear year) {
        return planId + ":" + year;
    }
}
