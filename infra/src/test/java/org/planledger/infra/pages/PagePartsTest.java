package org.planledger.infra.pages;

import org.junit.jupiter.api.Test;
import org.planledger.events.EventTypes;
import org.planledger.query.replay.ChangeKind;
import org.planledger.query.replay.EventDescriptions;
import org.planledger.command.api.AssessRag;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;
import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;
import org.planledger.events.TargetKind;
import org.planledger.query.api.IndicatorSeries;
import org.planledger.query.api.RagCounts;
import org.planledger.query.api.RagPoint;
import org.planledger.query.plan.ReadingView;

import org.apache.commons.csv.CSVPrinter;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The pages' own small parts: parsing what people type, CSV, charts' escaping, the start-up line. */
class PagePartsTest {

    @Test
    void moneyIsTypedInPoundsAndStoredInPence() {
        Map<String, String> errors = new HashMap<>();
        assertThat(RecordForm.pence("amount", Map.of("amount", "£1,250.50"), errors)).isEqualTo(125_050L);
        assertThat(RecordForm.pence("amount", Map.of("amount", "17700"), errors)).isEqualTo(1_770_000L);
        assertThat(RecordForm.pence("amount", Map.of("amount", "0.5"), errors)).isEqualTo(50L);
        assertThat(errors).isEmpty();
        assertThat(RecordForm.pence("amount", Map.of("amount", "-5"), errors)).isNull();
        assertThat(RecordForm.pence("amount", Map.of("amount", "1.234"), errors)).isNull();
        assertThat(RecordForm.pence("amount", Map.of("amount", "lots"), errors)).isNull();
        assertThat(errors).containsKey("amount");
    }

    @Test
    void aRagFormWithoutAChoiceIsRefusedBeforeAnyCommandAndRejectionsLandBesideTheirField() {
        Map<String, String> errors = new HashMap<>();
        assertThat(RecordForm.RAG.command("a1", RecordForm.RAG.values(Map.of("reason", "x")), errors)).isNull();
        assertThat(errors).containsKey("rag");

        errors.clear();
        Object command = RecordForm.RAG.command("a1", RecordForm.RAG.values(Map.of("rag", "red")), errors);
        assertThat(command).isInstanceOf(AssessRag.class);
        Map<String, String> refusal = RecordForm.RAG.refusal(new RuntimeException("wrapped",
                new CommandRejectedException(RejectionCode.REASON_REQUIRED, "reason", "a reason is required for a RED rating")));
        assertThat(refusal).containsEntry("reason", "A reason is required for a RED rating.");
        assertThat(RecordForm.PROGRESS.refusal(new CommandRejectedException(RejectionCode.NOT_ACTION_LEAD, "not yours")))
                .containsEntry("", "You do not lead this action, so you cannot record against it.");
    }

    @Test
    void csvFieldsAreQuotedByCommonsCsvAndFormulasDefused() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = AuditPages.CSV.print(out)) {
            csv.printRecord(Stream.of("a", "say \"hi\"", "=SUM(A1)", "-12", "line\nbreak", "£17.7k").map(AuditPages::spreadsheetSafe).toList());
        }
        assertThat(out.toString()).isEqualTo("a,\"say \"\"hi\"\"\",'=SUM(A1),-12,\"line\nbreak\",£17.7k\r\n");
        assertThat(AuditPages.CSV.parse(new StringReader(out.toString())).getRecords().get(0).toList())
                .containsExactly("a", "say \"hi\"", "'=SUM(A1)", "-12", "line\nbreak", "£17.7k");
    }

    @Test
    void everyEventTypeHasOnePlainLabelAndValuesReadLikeEnglish() {
        // every event's label and kind come from its case in the query side's exhaustive switch, so an
        // event without one does not compile; this checks the lists derived from it are whole
        EventDescriptions labels = new EventDescriptions();
        assertThat(EventTypes.all()).allSatisfy(type -> assertThat(EventDescriptions.kindOf(type.getSimpleName()))
                .as("kind of change of %s", type.getSimpleName()).isPresent());
        assertThat(ChangeKind.values()).extracting(ChangeKind::label).doesNotHaveDuplicates().hasSizeLessThan(20);
        assertThat(labels.label("RagAssessed")).isEqualTo("RAG rating given");
        assertThat(labels.change("rag", null, "AMBER", "→")).isEqualTo("RAG rating: Not rated → Amber");
        assertThat(labels.change("status", "OPEN", "CEASED", "→")).isEqualTo("Status: Open → Ceased");
        assertThat(labels.change("status", "ACCEPTED", "CLOSED (£150.00)", "->")).isEqualTo("Status: Accepted -> Closed (£150.00)");
        assertThat(labels.change("endDate", "2014-03-31", "2015-03-31", "→")).isEqualTo("End date: 31 Mar 2014 → 31 Mar 2015");
        assertThat(labels.change("note", null, "2013-06: PCC bid pending", "→")).isEqualTo("Progress note: (none) → 2013-06: PCC bid pending");
        assertThat(labels.change("withdrawn", "false", "true", "→")).isEqualTo("Withdrawn: No → Yes");
        assertThat(ChangeKind.byKey("action-added").orElseThrow().eventTypes()).containsExactlyInAnyOrder("ActionRegistered", "ActionAdded");
    }

    @Test
    void theRagChartDescribesEachBar() {
        String rag = SvgCharts.ragOverTime(List.of(new RagPoint(LocalDate.of(2013, 6, 30), new RagCounts(1, 2, 3, 4))), "rag");
        assertThat(rag).contains("role=\"img\"").contains("1 red").contains("2 amber").contains("3 green").contains("4 not rated");
    }

    @Test
    void anIndicatorsBarsAreAsLongAsTheirFiguresAgainstTheLargestAndEveryFigureIsWritten() {
        IndicatorSeries series = new IndicatorSeries("i1", "o1", "Litter <script>alert(1)</script>", IndicatorUnit.PERCENT,
                Direction.REDUCE, new Baseline(new BigDecimal("20"), "2012/13", "Survey", "20%"),
                new Target(TargetKind.ABSOLUTE, new BigDecimal("15"), "below 15%"),
                List.of(new ReadingView(new BigDecimal("18.1"), "2013/14", "Survey", LocalDate.of(2014, 3, 31)),
                        new ReadingView(new BigDecimal("0.1"), "2014/15", "Survey", LocalDate.of(2015, 3, 31))));
        BarCharts.IndicatorBars chart = new BarCharts(new PageText()).indicator(series);
        assertThat(chart.bars()).extracting(BarCharts.Bar::label, BarCharts.Bar::figure, BarCharts.Bar::percent).containsExactly(
                tuple("Baseline (2012/13)", "20%", 100), tuple("Target", "below 15%", 75),
                tuple("2013/14", "18.1%", 91), tuple("2014/15", "0.1%", 1));
        assertThat(chart.bars().get(2).barClass()).isEqualTo("bar bar-reading w91");

        IndicatorSeries relative = new IndicatorSeries("i2", "o1", "Repeat victims", IndicatorUnit.COUNT, Direction.REDUCE,
                null, new Target(TargetKind.PERCENT_CHANGE, new BigDecimal("-10"), "10% fewer than last year"), List.of());
        assertThat(new BarCharts(new PageText()).indicator(relative).bars()).extracting(BarCharts.Bar::percent, BarCharts.Bar::figure)
                .containsExactly(tuple(null, "10% fewer than last year"));
    }

    @Test
    void theStartUpLineNamesTheAddressToOpen() {
        assertThat(StartupAddress.message("127.0.0.1", 8080, true))
                .startsWith("Plan Ledger is ready. Open http://127.0.0.1:8080/ in a browser and sign in")
                .contains("password demo");
        assertThat(StartupAddress.message("0.0.0.0", 80, false)).isEqualTo(
                "Plan Ledger is ready. Open http://localhost:80/ in a browser and sign in.");
    }

    @Test
    void theBoardFilterOnlyHidesActions() {
        assertThat(BoardFilter.none().active()).isFalse();
        assertThat(new BoardFilter(" ", "amber", null, false, false).rag()).isEqualTo("AMBER");
        assertThat(BoardFilter.ragChoices()).containsExactly("RED", "AMBER", "GREEN", "NONE");
    }
}
