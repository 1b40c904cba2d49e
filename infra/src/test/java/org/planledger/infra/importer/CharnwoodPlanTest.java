package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.planledger.command.api.AddObjective;
import org.planledger.command.api.DefineIndicator;
import org.planledger.command.api.RecordIndicatorReading;
import org.planledger.command.api.RecordPlanMember;
import org.planledger.events.Cadence;
import org.planledger.events.Direction;
import org.planledger.infra.importer.PlanDocument.TargetKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Charnwood CSP plan 2008-2011 as transcribed; what the document says is in docs/charnwood-facts.md. */
class CharnwoodPlanTest {

    private final PlanDocument plan = new PlanDocumentReader().read(bytes());

    static byte[] bytes() {
        try (InputStream in = CharnwoodPlanTest.class.getResourceAsStream("/" + DemoPlanLoader.CHARNWOOD_PLAN)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePlan() {
        assertThat(plan.formatVersion()).isEqualTo(2);
        assertThat(plan.plan().id()).isEqualTo("charnwood-csp-2008-2011");
        assertThat(plan.plan().partnership()).isEqualTo("Charnwood Community Safety Partnership");
        assertThat(plan.plan().periodStart()).isEqualTo(LocalDate.of(2008, 4, 1));
        assertThat(plan.plan().periodEnd()).isEqualTo(LocalDate.of(2011, 3, 31));
        assertThat(plan.plan().cadence()).isEqualTo(Cadence.BI_MONTHLY);
        assertThat(plan.boardMeetings()).isEmpty();
        assertThat(plan.allActions()).as("the action plans were to follow by the end of May 2008").isEmpty();
    }

    @Test
    void fivePrioritiesInTheDocumentsWordsWithTheirAimsAsObjectives() {
        assertThat(plan.priorities()).extracting(PlanDocument.Priority::title).containsExactly(
                "Anti-Social Behaviour (ASB) and Priority Neighbourhoods",
                "Violent Crime and Night Time Economy",
                "Acquisitive Crime and Drugs Misuse",
                "Improving the Effectiveness of the Partnership",
                "Feeling Safe: Reducing the Fear of Crime and Reassuring the Community");
        assertThat(plan.priorities()).extracting(priority -> priority.objectives().size()).containsExactly(6, 6, 7, 6, 5);
        assertThat(plan.priorities().get(0).objectives().get(1).title())
                .isEqualTo("Target partnership resources in the top five criminal damage to other property locations");
        assertThat(plan.priorities().get(2).objectives().get(6).title())
                .isEqualTo("Reduce re-offending through the improved management of offenders");
    }

    @Test
    void everyMeasureOfSuccessIsAnIndicatorWithoutAnAgreedTarget() {
        assertThat(plan.priorities()).extracting(priority -> priority.indicators().size()).containsExactly(5, 3, 5, 7, 1);
        assertThat(plan.allIndicators()).hasSize(21)
                .allSatisfy(indicator -> assertThat(indicator.target().kind()).isEqualTo(TargetKind.MONITOR_ONLY))
                .allSatisfy(indicator -> assertThat(indicator.target().value()).isNull());
        assertThat(PlanDocumentReaderTest.indicator(plan, "asb-ni24").target().wording())
                .startsWith("At present there are no agreed targets within this plan");
        assertThat(PlanDocumentReaderTest.indicator(plan, "feeling-safe-fear-of-crime-survey").target().wording())
                .contains("Fear of Crime survey").contains("biannual");
    }

    @Test
    void theThreeBaselinesAndTheOneReading() {
        PlanDocument.Indicator damage = PlanDocumentReaderTest.indicator(plan, "asb-criminal-damage");
        assertThat(damage.baseline().value()).isEqualByComparingTo("549");
        assertThat(damage.baseline().period()).isEqualTo("2006/07");
        assertThat(damage.direction()).isEqualTo(Direction.REDUCE);
        PlanDocument.Indicator hate = PlanDocumentReaderTest.indicator(plan, "violence-hate-reporting");
        assertThat(hate.baseline().value()).isEqualByComparingTo("200");
        assertThat(hate.direction()).isEqualTo(Direction.INCREASE);
        PlanDocument.Indicator cycles = PlanDocumentReaderTest.indicator(plan, "acquisitive-cycle-theft");
        assertThat(cycles.baseline().value()).isEqualByComparingTo("504");
        assertThat(cycles.baseline().period()).isEqualTo("2006/07");
        PlanDocument.Indicator treatment = PlanDocumentReaderTest.indicator(plan, "acquisitive-ni40");
        assertThat(treatment.readings()).singleElement().satisfies(reading -> {
            assertThat(reading.period()).isEqualTo("2006/07");
            assertThat(reading.value()).isEqualByComparingTo("1322");
            assertThat(reading.costPence()).isNull();
            assertThat(reading.note()).contains("Leicestershire");
        });
    }

    @Test
    void theLocalAreaAgreementMeasuresAndTheFamilyGroupComparisonArePlanLevel() {
        assertThat(plan.measures()).extracting(PlanDocument.Indicator::id).containsExactly(
                "laa-ni18", "laa-ni19", "laa-ni20-harm", "laa-ni40", "laa-ni24", "laa-ni20-violence",
                "family-group-comparison");
        PlanDocument.Indicator family = plan.measures().get(6);
        assertThat(family.target().kind()).isEqualTo(TargetKind.PEER_COMPARISON);
        assertThat(family.target().peerGroup()).isEqualTo("Family grouping (IQUANTA)");
        assertThat(family.target().wording()).isEqualTo("Monitor its own performance against its Family grouping using IQUANTA crime data");
        assertThat(plan.measures().get(4).target().wording())
                .isEqualTo("Disorder and anti-social behaviour is low compared to comparable areas and is being tackled effectively");
    }

    @Test
    void membersAreTheChairTheSixResponsibleAgenciesAndTenOthers() {
        List<PlanDocument.Member> members = plan.plan().members();
        assertThat(members).hasSize(17);
        assertThat(members.get(0)).extracting(PlanDocument.Member::name, PlanDocument.Member::role)
                .containsExactly("Cllr David Snartt", "Lead Member for Community Safety; Chair of Charnwood Community Safety Partnership");
        assertThat(members).filteredOn(member -> "responsible agency".equals(member.role()))
                .extracting(PlanDocument.Member::name).containsExactly("Charnwood Borough Council",
                        "Leicestershire Constabulary", "Leicestershire County Council",
                        "Leicestershire County & Rutland Primary Care Trust", "Leicestershire Fire Authority",
                        "Leicestershire Police Authority");
        assertThat(members).filteredOn(member -> "other agency involved".equals(member.role())).hasSize(10)
                .extracting(PlanDocument.Member::name, PlanDocument.Member::organisation)
                .contains(tuple("Loughborough Women's Aid", "Loughborough Women's Aid"), tuple("CREC", "CREC"));
    }

    @Test
    void importingItSendsEveryMeasureMemberAndTheReadingsNote() {
        ImportPlan planned = ImportPlanner.plan(plan, ImportPlanner.LeadUserIds.FROM_FILE, StoredPlan.empty(), "test");
        assertThat(planned.commands()).filteredOn(RecordPlanMember.class::isInstance).hasSize(17);
        assertThat(planned.commands()).filteredOn(DefineIndicator.class::isInstance).map(DefineIndicator.class::cast)
                .hasSize(28).allSatisfy(define -> assertThat(define.objectiveId()).isNull());
        assertThat(planned.commands()).filteredOn(RecordIndicatorReading.class::isInstance)
                .map(RecordIndicatorReading.class::cast).singleElement()
                .satisfies(reading -> assertThat(reading.note()).contains("Leicestershire"));
        assertThat(planned.commands()).as("the priorities hold no actions, so no '.own' objective")
                .noneMatch(command -> command instanceof AddObjective add && add.objectiveId().endsWith(".own"));
        assertThat(planned.notYetImported()).as("every field the file holds is sent").isEmpty();
    }
}
