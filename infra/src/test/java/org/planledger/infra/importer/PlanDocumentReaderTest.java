package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.planledger.infra.importer.PlanDocument.TargetKind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlanDocumentReaderTest {

    private final PlanDocumentReader reader = new PlanDocumentReader();

    @Test
    void readsTheKetteringPlanWithItsAppendixAIndicators() {
        PlanDocument document = reader.read(KetteringPlan.bytes());

        assertThat(document.plan().id()).isEqualTo(KetteringPlan.PLAN_ID);
        assertThat(document.priorities()).extracting(PlanDocument.Priority::id)
                .containsExactly("asb", "violence", "reoffending", "confidence");
        PlanDocument.Indicator litter = indicator(document, "asb-cleaner-litter");
        assertThat(litter.baseline().value()).isEqualByComparingTo("18.8");
        assertThat(litter.baseline().period()).isEqualTo("2012/13");
        assertThat(litter.target().kind()).isEqualTo(TargetKind.ABSOLUTE);
        assertThat(litter.target().value()).isEqualByComparingTo("17.9");
        PlanDocument.Indicator burglary = indicator(document, "reoffending-repeat-burglary-dwelling");
        assertThat(burglary.baseline().value()).isEqualByComparingTo(new BigDecimal(470));
        assertThat(burglary.target().kind()).isEqualTo(TargetKind.PERCENT_CHANGE);
        assertThat(burglary.target().value()).isEqualByComparingTo("15");
        assertThat(burglary.changeRequired()).isEqualTo("70 (15%)");
        PlanDocument.Indicator marac = indicator(document, "violence-da-marac-repeats");
        assertThat(marac.baseline()).isNull();
        assertThat(marac.target().kind()).isEqualTo(TargetKind.MONITOR_ONLY);
    }

    @Test
    void refusesABrokenFileListingEveryProblemWithItsPath() {
        String broken = new String(KetteringPlan.bytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"title\": \"[^\"]*\"", "\"title\": \"\"")
                .replaceFirst("\"periodStart\": \"2013-04-01\"", "\"periodStart\": \"2013-02-30\"")
                .replaceFirst("\"amountPence\": \\d+", "\"amountPence\": -5")
                .replaceFirst("\"cadence\": \"BI_MONTHLY\"", "\"cadence\": \"FORTNIGHTLY\"");

        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read(broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.problems()).extracting(PlanDocumentProblem::path)
                .contains("$.plan.title", "$.plan.periodStart", "$.plan.cadence")
                .anyMatch(path -> path.matches("\\$\\.priorities\\[\\d+]\\.objectives\\[\\d+]\\.actions\\[\\d+]\\.funding\\[0]\\.amountPence"));
        assertThat(refused.getMessage()).contains("nothing was imported");
    }

    @Test
    void refusesRulesTheSchemaCannotStateDuplicateIdsAndEndBeforeStart() {
        String broken = new String(KetteringPlan.bytes(), StandardCharsets.UTF_8)
                .replace("\"id\": \"asb-fte-holiday-activities\"", "\"id\": \"asb-cleaner-weeks-of-action\"")
                .replaceFirst("\"endDate\": \"\\d{4}-\\d{2}-\\d{2}\"", "\"endDate\": \"1999-01-31\"");

        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read(broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.problems()).extracting(PlanDocumentProblem::message)
                .anyMatch(message -> message.contains("'asb-cleaner-weeks-of-action' is used more than once"))
                .anyMatch(message -> message.contains("1999-01-31 is before the start"));
    }

    @Test
    void refusesSomethingThatIsNotJson() {
        assertThatThrownBy(() -> reader.read("{\"formatVersion\": 1,".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPlanDocumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    static PlanDocument.Indicator indicator(PlanDocument document, String id) {
        return document.allIndicators().stream()
                .filter(indicator -> indicator.id().equals(id)).findFirst().orElseThrow();
    }
}
