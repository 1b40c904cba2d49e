package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.planledger.command.api.AddAction;
import org.planledger.command.api.DefineIndicator;
import org.planledger.command.api.RecordPlanMember;
import org.planledger.events.Cadence;
import org.planledger.infra.importer.PlanDocument.TargetKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Safer Peterborough Partnership's 2013/14 priorities as transcribed; see docs/peterborough-facts.md. */
class PeterboroughPlanTest {

    private final PlanDocument plan = new PlanDocumentReader().read(bytes());

    static byte[] bytes() {
        try (InputStream in = PeterboroughPlanTest.class.getResourceAsStream("/" + DemoPlanLoader.PETERBOROUGH_PLAN)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePlanIsTheAnnualRefreshOfTheThreeYearPlan() {
        assertThat(plan.plan().id()).isEqualTo("peterborough-spp-2013-2014");
        assertThat(plan.plan().partnership()).isEqualTo("Safer Peterborough Partnership");
        assertThat(plan.plan().periodStart()).isEqualTo(LocalDate.of(2013, 4, 1));
        assertThat(plan.plan().periodEnd()).isEqualTo(LocalDate.of(2014, 3, 31));
        assertThat(plan.plan().cadence()).isEqualTo(Cadence.BI_MONTHLY);
        assertThat(plan.refreshes()).singleElement().satisfies(refresh -> assertThat(refresh.note())
                .contains("Reducing crime", "Tackling anti-social behaviour and hate crime",
                        "Building stronger and more supportive communities"));
    }

    @Test
    void nineWorkstreamsHoldingTheirActionsDirectly() {
        assertThat(plan.priorities()).extracting(PlanDocument.Priority::title).containsExactly(
                "Vulnerable People and Groups",
                "Anti-Social Behaviour /Quality of Life and Road Safety Services",
                "Integrated Offender Management",
                "Domestic Abuse",
                "Reducing the Harm caused by Substance Misuse",
                "Dwelling Burglary",
                "Violent Crime linked to the Night-Time Economy.",
                "Racially Aggravated Offences and Hate Crime",
                "Sustainability, Performance, Value for Money and Communication");
        assertThat(plan.priorities()).allSatisfy(priority -> assertThat(priority.objectives()).isEmpty());
        assertThat(plan.priorities()).extracting(priority -> priority.actions().size())
                .containsExactly(10, 7, 6, 5, 4, 3, 2, 4, 4);
        assertThat(plan.allActions()).hasSize(45)
                .allSatisfy(action -> assertThat(action.startDate()).isNull())
                .allSatisfy(action -> assertThat(action.endDate()).isNull());
        assertThat(plan.priorities().get(7).actions().get(2).title())
                .isEqualTo("Raising awareness of reporting – through Open Out Scheme/ effective network of reporting centres that in the victim's perception can be trusted.");
    }

    @Test
    void themeLeadsLeadTheirActionsAndSupportersAreTheirPartners() {
        PlanDocument.Priority domesticAbuse = plan.priorities().get(3);
        assertThat(domesticAbuse.leads()).containsExactly("Paul Phillipson (Executive Director Operations, Peterborough City Council)");
        assertThat(domesticAbuse.actions()).allSatisfy(action -> {
            assertThat(action.leads()).extracting(PlanDocument.Lead::name).containsExactly("Paul Phillipson");
            assertThat(action.partners()).containsExactly("Karen Kibblewhite (Safer Peterborough Manager, Cutting Crime, PCC)");
        });
        assertThat(plan.priorities().get(6).actions().get(0).leads()).singleElement()
                .extracting(PlanDocument.Lead::name, PlanDocument.Lead::organisation)
                .containsExactly("City Centre team", "Peterborough City Council");
        assertThat(plan.priorities().get(1).actions().get(0).leads()).extracting(PlanDocument.Lead::name)
                .containsExactly("Paul Phillipson", "Councillor Irene Walsh");
    }

    @Test
    void theOneMeasurableTargetAndThePeerComparisons() {
        PlanDocument.Indicator victimBased = plan.measures().get(0);
        assertThat(victimBased.id()).isEqualTo("victim-based-crime");
        assertThat(victimBased.target().kind()).isEqualTo(TargetKind.PERCENT_CHANGE);
        assertThat(victimBased.target().value()).isEqualByComparingTo("10");
        assertThat(victimBased.target().wording())
                .isEqualTo("a 10 per cent reduction in victim based crime over the three year duration of the plan");
        assertThat(plan.measures()).extracting(measure -> measure.target().kind(), measure -> measure.target().wording())
                .containsExactly(
                        tuple(TargetKind.PERCENT_CHANGE, "a 10 per cent reduction in victim based crime over the three year duration of the plan"),
                        tuple(TargetKind.IMPROVE_ON_PREVIOUS, "Continuous improvement"),
                        tuple(TargetKind.PEER_COMPARISON, "Closing the gap on our peers"),
                        tuple(TargetKind.PEER_COMPARISON, "Out-performing our most similar group's average crime rates"));
        PlanDocument.Indicator rank = plan.measures().get(2);
        assertThat(rank.baseline().value()).isEqualByComparingTo("19");
        assertThat(rank.readings()).singleElement().satisfies(reading -> {
            assertThat(reading.period()).isEqualTo("2012/13");
            assertThat(reading.value()).isEqualByComparingTo("48");
            assertThat(reading.costPence()).isNull();
        });
    }

    @Test
    void membersAreTheThemeLeadsAndTheEngagedOrganisations() {
        List<PlanDocument.Member> members = plan.plan().members();
        assertThat(members).extracting(PlanDocument.Member::name).containsExactly("Wendi Ogle-Welbourn", "Adrian Chapman",
                "Paul Phillipson", "Councillor Irene Walsh", "Mike Dyson", "Karen Kibblewhite", "Gary Goose",
                "Dan Vajzovic", "M J Ladha", "Nick Leader", "Cross Key's Homes", "Sodexo Justice Services", "The One Service");
        assertThat(members.get(9)).extracting(PlanDocument.Member::organisation, PlanDocument.Member::role)
                .containsExactly("HMP Peterborough", "Governor");
    }

    @Test
    void openEndedActionsAreSentOngoingUnderTheirPrioritysObjectiveAndTheMeasuresAtPlanLevel() {
        ImportPlan planned = ImportPlanner.plan(plan, ImportPlanner.LeadUserIds.FROM_FILE, StoredPlan.empty(), "test");
        assertThat(planned.commands()).filteredOn(AddAction.class::isInstance).map(AddAction.class::cast).hasSize(45)
                .allSatisfy(add -> {
                    assertThat(add.startDate()).isNull();
                    assertThat(add.endDate()).isNull();
                    assertThat(add.objectiveId()).as("an action needs an objective").endsWith(".own");
                });
        assertThat(planned.commands()).filteredOn(DefineIndicator.class::isInstance).map(DefineIndicator.class::cast)
                .extracting(DefineIndicator::indicatorId, define -> define.target().kind(), DefineIndicator::objectiveId,
                        DefineIndicator::priorityId)
                .containsExactly(tuple("victim-based-crime", org.planledger.events.TargetKind.PERCENT_CHANGE, null, null),
                        tuple("crime-continuous-improvement", org.planledger.events.TargetKind.IMPROVE_ON_PREVIOUS, null, null),
                        tuple("crimes-per-thousand-national-rank", org.planledger.events.TargetKind.PEER_COMPARISON, null, null),
                        tuple("crime-rate-vs-most-similar-group", org.planledger.events.TargetKind.PEER_COMPARISON, null, null));
        assertThat(planned.commands()).filteredOn(RecordPlanMember.class::isInstance).hasSize(13);
        assertThat(planned.notYetImported()).doesNotContainKeys("members", "plan-level measures",
                "open-ended action dates (sent as the plan's period)");
    }
}
