package org.planledger.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.planledger.events.FinancialYear;
import org.planledger.query.api.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planledger.query.KetteringScenario.*;

/** The query handlers answer through a real Axon query bus with the response types the HTTP layer will ask for. */
class QueryBusWiringTest {

    @Test
    void every_query_is_answered_through_the_query_bus() throws Exception {
        try (TestLedger ledger = new TestLedger()) {
            ledger.feed(KetteringScenario.events().messages(), 25);
            QueryBus bus = SimpleQueryBus.builder().build();
            for (Object component : ledger.model.components()) {
                new AnnotationQueryHandlerAdapter<>(component).subscribe(bus);
            }

            assertThat(ask(bus, new FindBoardView(PLAN), BoardView.class)).get().extracting(BoardView::planId).isEqualTo(PLAN);
            assertThat(ask(bus, new FindBoardView("unknown"), BoardView.class)).isEmpty();
            assertThat(ask(bus, new FindPlanAsAt(PLAN, d("2013-01-01"), null), BoardView.class)).isPresent();
            assertThat(ask(bus, new DiffPlan(PLAN, d("2013-01-01"), d("2014-01-01")), PlanDiff.class)).isPresent();
            assertThat(ask(bus, new FindPlanTimeline(PLAN), PlanTimeline.class)).isPresent();
            assertThat(ask(bus, new FindActionHistory(A1), ActionHistory.class)).isPresent();
            PlanCharts charts = ask(bus, new FindPlanCharts(PLAN, java.util.List.of(d("2014-03-01"), d("2013-01-01"))),
                    PlanCharts.class).orElseThrow();
            assertThat(charts.rag()).extracting(RagPoint::date).containsExactly(d("2013-01-01"), d("2014-03-01"));
            assertThat(charts.rag().get(1).rag().red()).isEqualTo(1);
            assertThat(charts.indicators()).filteredOn(i -> i.indicatorId().equals("asb-perception")).singleElement()
                    .satisfies(i -> {
                        assertThat(i.readings()).extracting(r -> r.value().toPlainString()).containsExactly("8.5");
                        assertThat(i.target().text()).isEqualTo("5% reduction");
                    });
            assertThat(ask(bus, new FindPlanCharts("unknown", java.util.List.of()), PlanCharts.class)).isEmpty();
            assertThat(ask(bus, new FindReferralStatistics(PLAN, new FinancialYear(2013)), ReferralStatistics.class)).isPresent();
            assertThat(bus.query(new GenericQueryMessage<>(new FindMyActions("lead1"), ResponseTypes.instanceOf(MyActions.class)))
                    .get().getPayload().actions()).isNotEmpty();
            assertThat(bus.query(new GenericQueryMessage<>(new ListPlans(), ResponseTypes.instanceOf(PlanList.class)))
                    .get().getPayload().plans()).hasSize(1);
            assertThat(bus.query(new GenericQueryMessage<>(new FindAuditTrail(AuditFilter.forPlan(PLAN), 0, 10),
                    ResponseTypes.instanceOf(AuditTrailPage.class))).get().getPayload().entries()).hasSize(10);
        }
    }

    private static <R> Optional<R> ask(QueryBus bus, Object query, Class<R> type) throws Exception {
        return bus.query(new GenericQueryMessage<>(query, ResponseTypes.optionalInstanceOf(type))).get().getPayload();
    }

    @Test
    void query_side_sources_know_neither_spring_nor_the_command_side() throws Exception {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                try {
                    String text = Files.readString(file);
                    assertThat(text).as(file.toString())
                            .doesNotContain("org.springframework").doesNotContain("org.planledger.command");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
