package org.planledger.infra.pages;

import org.junit.jupiter.api.Test;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    void csvFieldsAreQuotedAndFormulasDefused() {
        assertThat(AuditPages.csvLine(List.of("a", "say \"hi\"", "=SUM(A1)", "-12", "line\nbreak")))
                .isEqualTo("\"a\",\"say \"\"hi\"\"\",\"'=SUM(A1)\",\"-12\",\"line\nbreak\"\r\n");
        assertThat(BrowserPagesTest.parseCsv("\"a\",\"b \"\"c\"\"\"\r\n\"1\",\"x\ny\"\r\n"))
                .containsExactly(List.of("a", "b \"c\""), List.of("1", "x\ny"));
    }

    @Test
    void chartsEscapeWhatTheyAreGivenAndDescribeThemselves() {
        IndicatorSeries series = new IndicatorSeries("i1", "o1", "Litter <script>alert(1)</script>", IndicatorUnit.PERCENT,
                Direction.REDUCE, new Baseline(new BigDecimal("18.8"), "2012/13", "Survey", "18.8%"),
                new Target(TargetKind.ABSOLUTE, new BigDecimal("17.9"), "below 17.9%"),
                List.of(new ReadingView(new BigDecimal("18.1"), "2013/14", "Survey", LocalDate.of(2014, 3, 31))));
        String svg = SvgCharts.indicator(series, "ind-i1");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("role=\"img\"")
                .contains("Baseline 18.8").contains("Target 17.9").contains("<circle");
        String rag = SvgCharts.ragOverTime(List.of(new RagPoint(LocalDate.of(2013, 6, 30), new RagCounts(1, 2, 3, 4))), "rag");
        assertThat(rag).contains("1 red").contains("2 amber").contains("3 green").contains("4 not rated");
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
