package org.planledger.query.referrals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.planledger.events.FinancialYear;
import org.planledger.events.ReferralStatus;
import org.planledger.query.api.ActionReferralStatistics;
import org.planledger.query.api.FindReferralStatistics;
import org.planledger.query.api.ReferralCounts;
import org.planledger.query.api.ReferralStatistics;
import org.planledger.query.board.BoardProjection;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.ReferralCaseView;
import org.planledger.query.plan.YearTotals;
import org.planledger.query.support.RecordDocuments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Referral figures per action per financial year (April to March), read from the board's document
 * of the plan (the {@link PlanView} the one plan fold keeps) rather than folded from events a second
 * time. The fold already counts what these figures need, by the same rules:
 * <ul>
 *   <li>A case counts in the financial year it was received, whenever it is decided or closed, so
 *       each year's figures describe that year's intake ({@link ReferralCaseView#financialYear()}).</li>
 *   <li>A tally ("65 referrals April 2012 - March 2013, £10,943") counts in the year its period ends
 *       in: its count is in the year's referrals (and in tallied, so readers can tell), its total cost
 *       in the year's referral cost ({@link YearTotals}). A tally does not say how many were accepted,
 *       declined or closed, so those counts come from cases only: a case can be closed only once
 *       accepted (the Referral aggregate's rule), so a closed case counts as accepted too.</li>
 *   <li>Cost: closed cases' cost plus tallies' known total cost. Average cost divides that by the
 *       referrals that carry a cost: closed cases plus tallied referrals whose tally gave a cost (an
 *       open case has no cost yet and would only drag the average down).</li>
 * </ul>
 * An action is listed for a year when it received a case or tallied referrals in it. An unknown plan
 * is an empty answer.
 */
public class ReferralStatisticsQueries {

    private final MongoCollection<Document> board;

    public ReferralStatisticsQueries(MongoDatabase database) {
        this.board = database.getCollection(BoardProjection.COLLECTION);
    }

    @QueryHandler
    public Optional<ReferralStatistics> handle(FindReferralStatistics query) {
        Document stored = board.find(Filters.eq("_id", query.planId())).first();
        if (stored == null) {
            return Optional.empty();
        }
        PlanView plan = RecordDocuments.decode(stored.get("view", Document.class), PlanView.class);
        if (!plan.drafted()) {
            return Optional.empty();
        }
        List<ActionReferralStatistics> actions = new ArrayList<>();
        for (ActionView action : plan.actions()) {
            counts(action, query.financialYear())
                    .ifPresent(counts -> actions.add(new ActionReferralStatistics(action.actionId(), action.title(), counts)));
        }
        actions.sort(Comparator.comparing(ActionReferralStatistics::actionId));
        return Optional.of(new ReferralStatistics(query.planId(), query.financialYear(), actions,
                total(actions.stream().map(ActionReferralStatistics::counts).toList())));
    }

    /** The action's figures for the year, or empty when it received no case and tallied nothing in it. */
    static Optional<ReferralCounts> counts(ActionView action, FinancialYear year) {
        List<ReferralCaseView> cases = action.referralCases().stream().filter(c -> c.financialYear().equals(year)).toList();
        YearTotals totals = action.totalsFor(year);
        int tallied = totals.referrals() - cases.size();
        if (cases.isEmpty() && tallied == 0) {
            return Optional.empty();
        }
        int closed = count(cases, ReferralStatus.CLOSED);
        int costed = closed + tallied - totals.referralsWithoutCost();
        return Optional.of(new ReferralCounts(totals.referrals(), count(cases, ReferralStatus.ACCEPTED) + closed,
                count(cases, ReferralStatus.DECLINED), closed, tallied, totals.referralCostPence(),
                costed == 0 ? 0 : totals.referralCostPence() / costed, totals.referralsWithoutCost()));
    }

    private static int count(List<ReferralCaseView> cases, ReferralStatus status) {
        return (int) cases.stream().filter(c -> c.status() == status).count();
    }

    private static ReferralCounts total(List<ReferralCounts> rows) {
        int received = 0, accepted = 0, declined = 0, closed = 0, tallied = 0, uncosted = 0, costed = 0;
        long cost = 0;
        for (ReferralCounts row : rows) {
            received += row.received(); accepted += row.accepted(); declined += row.declined(); closed += row.closed();
            tallied += row.tallied(); uncosted += row.costUnknown(); cost += row.totalCostPence();
            costed += row.closed() + row.tallied() - row.costUnknown();
        }
        return new ReferralCounts(received, accepted, declined, closed, tallied, cost, costed == 0 ? 0 : cost / costed,
                uncosted);
    }
}
