package org.planledger.infra.county;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.events.FinancialYear;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.query.LiveBoards;
import org.planledger.infra.query.Queries;
import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.security.PartnershipIndex;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.Roles;
import org.planledger.query.api.BoardIndicator;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindReferralStatistics;
import org.planledger.query.api.ListPlans;
import org.planledger.query.api.PlanList;
import org.planledger.query.api.PlanSummary;
import org.planledger.query.api.RagCounts;
import org.planledger.query.api.ReferralCounts;
import org.planledger.query.api.ReferralStatistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Figures across partnerships for the county analyst: how many plans each partnership has, their
 * actions' RAG, referral counts for a financial year, and the latest figures of measures that several
 * partnerships report under the same name. Never a case's subject, reasons or notes, and never a
 * progress note: only counts and readings' values ({@link CountyFigures}).
 */
@RestController
@ConditionalOnQuerySide
@Tag(name = "County", description = "Aggregate figures across partnerships (COUNTY_ANALYST)")
public class CountyController {

    private final Queries queries;
    private final LiveBoards liveBoards;
    private final PartnershipIndex index;

    public CountyController(Queries queries, LiveBoards liveBoards, PartnershipIndex index) {
        this.queries = queries;
        this.liveBoards = liveBoards;
        this.index = index;
    }

    @GetMapping("/api/county/figures")
    @RolesAllowed(Roles.COUNTY_ANALYST)
    @PartnershipScope(PartnershipScope.Scope.COUNTY)
    @Operation(summary = "Counts, RAG summaries, referral counts and shared measures, per partnership (COUNTY_ANALYST)",
            description = "No subject references, reasons or notes: figures only.")
    public CountyFigures figures(@RequestParam(required = false) String financialYear) {
        Map<String, String> partnershipOfPlan = index.plans();
        Map<String, List<PlanSummary>> plansByPartnership = new TreeMap<>();
        for (PlanSummary plan : queries.ask(new ListPlans(), ResponseTypes.instanceOf(PlanList.class)).plans()) {
            String partnership = partnershipOfPlan.get(plan.planId());
            if (partnership != null) {
                plansByPartnership.computeIfAbsent(partnership, p -> new ArrayList<>()).add(plan);
            }
        }
        FinancialYear year;
        try {
            year = financialYear == null || financialYear.isBlank()
                    ? FinancialYear.containing(latestDayInView(plansByPartnership)) : FinancialYear.parse(financialYear);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("financialYear", e.getMessage());
        }
        List<CountyFigures.Partnership> partnerships = new ArrayList<>();
        // measure name (as people compare them: case and spacing aside) -> partnership -> latest figure
        Map<String, String> measureNames = new TreeMap<>();
        Map<String, Map<String, CountyFigures.Figure>> measures = new TreeMap<>();
        plansByPartnership.forEach((partnership, plans) -> {
            RagCounts actions = RagCounts.NONE;
            ReferralCounts referrals = ReferralCounts.NONE;
            List<CountyFigures.PlanSummary> summaries = new ArrayList<>();
            for (PlanSummary plan : plans) {
                Optional<BoardView> board = liveBoards.current(plan.planId()).map(LiveBoards.Current::board);
                RagCounts rag = board.map(BoardView::rag).orElse(RagCounts.NONE);
                actions = actions.plus(rag);
                summaries.add(new CountyFigures.PlanSummary(plan.planId(), plan.title(), plan.closed(), plan.fictional(), rag));
                referrals = plus(referrals, queries.ask(new FindReferralStatistics(plan.planId(), year),
                        ResponseTypes.optionalInstanceOf(ReferralStatistics.class)).map(ReferralStatistics::total)
                        .orElse(ReferralCounts.NONE));
                board.ifPresent(view -> {
                    for (BoardIndicator measure : everyMeasure(view)) {
                        if (measure.latestReading() == null || measure.latestReading().value() == null) {
                            continue;
                        }
                        String key = measure.name().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                        measureNames.putIfAbsent(key, measure.name().strip());
                        CountyFigures.Figure figure = new CountyFigures.Figure(partnership, plan.planId(),
                                measure.unit() == null ? null : measure.unit().name(), measure.latestReading().period(),
                                measure.latestReading().value());
                        Map<String, CountyFigures.Figure> byPartnership = measures.computeIfAbsent(key, k -> new TreeMap<>());
                        CountyFigures.Figure earlier = byPartnership.get(partnership);
                        // one figure per partnership: the open plan's over a closed one's, else the first
                        if (earlier == null || (!plan.closed() && plansClosed(plans, earlier.planId()))) {
                            byPartnership.put(partnership, figure);
                        }
                    }
                });
            }
            int open = (int) plans.stream().filter(plan -> !plan.closed()).count();
            partnerships.add(new CountyFigures.Partnership(partnership, index.nameOf(partnership), plans.size(), open,
                    actions, referrals, summaries));
        });
        List<CountyFigures.SharedMeasure> shared = new ArrayList<>();
        measures.forEach((key, byPartnership) -> {
            if (byPartnership.size() > 1) {
                shared.add(new CountyFigures.SharedMeasure(measureNames.get(key), List.copyOf(byPartnership.values())));
            }
        });
        return new CountyFigures(year.toString(), partnerships, shared);
    }

    /**
     * The default year's day: today while any plan in view runs (a running plan's board is viewed as at
     * today), else the last day a finished plan was live, so a county of finished plans opens on their
     * last year rather than on an empty current one (as a plan's referral statistics do).
     */
    private LocalDate latestDayInView(Map<String, List<PlanSummary>> plansByPartnership) {
        return plansByPartnership.values().stream().flatMap(List::stream)
                .flatMap(plan -> liveBoards.current(plan.planId()).stream())
                .map(current -> current.board().viewedAsAt())
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(QueryParameters.today());
    }

    /** The plan's own measures and those under its priorities and objectives. */
    private static List<BoardIndicator> everyMeasure(BoardView board) {
        List<BoardIndicator> all = new ArrayList<>(board.measures());
        board.priorities().forEach(priority -> {
            all.addAll(priority.indicators());
            priority.objectives().forEach(objective -> all.addAll(objective.indicators()));
        });
        return all;
    }

    private static boolean plansClosed(List<PlanSummary> plans, String planId) {
        return plans.stream().anyMatch(plan -> plan.planId().equals(planId) && plan.closed());
    }

    private static ReferralCounts plus(ReferralCounts a, ReferralCounts b) {
        long cost = a.totalCostPence() + b.totalCostPence();
        int costed = a.closed() + b.closed() + a.tallied() + b.tallied() - a.costUnknown() - b.costUnknown();
        return new ReferralCounts(a.received() + b.received(), a.accepted() + b.accepted(), a.declined() + b.declined(),
                a.closed() + b.closed(), a.tallied() + b.tallied(), cost, costed > 0 ? cost / costed : 0,
                a.costUnknown() + b.costUnknown());
    }
}
