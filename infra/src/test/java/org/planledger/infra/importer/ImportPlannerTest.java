package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.planledger.command.api.AddAction;
import org.planledger.command.api.AllocateFunding;
import org.planledger.command.api.AssessRag;
import org.planledger.command.api.CeaseAction;
import org.planledger.command.api.CompleteAction;
import org.planledger.command.api.DraftPlan;
import org.planledger.command.api.RecordProgress;
import org.planledger.command.api.RefreshPlan;
import org.planledger.command.api.TallyReferrals;
import org.planledger.events.ProgressPeriod;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ImportPlannerTest {

    private final PlanDocument kettering = new PlanDocumentReader().read(KetteringPlan.bytes());
    private final List<Object> commands = ImportPlanner.plan(kettering, ImportPlanner.LeadUserIds.FROM_FILE);

    @Test
    void everyActionNoteTallyAndClosureOfTheDocumentBecomesACommand() {
        assertThat(only(AddAction.class)).hasSize(30);
        assertThat(only(RecordProgress.class)).hasSize(60);
        assertThat(only(TallyReferrals.class)).hasSize(6);
        assertThat(only(AllocateFunding.class)).hasSize(18);
        assertThat(only(CeaseAction.class)).singleElement()
                .satisfies(cease -> {
                    assertThat(cease.actionId()).isEqualTo("violence-nte-decc");
                    assertThat(cease.cessationId()).isEqualTo("violence-nte-decc.c1");
                });
    }

    @Test
    void theTargetHardeningTalliesKeepTheDocumentsFigures() {
        assertThat(only(TallyReferrals.class))
                .filteredOn(tally -> tally.actionId().equals("reoffending-burglary-target-hardening"))
                .anySatisfy(tally -> {
                    assertThat(tally.periodFrom()).isEqualTo(LocalDate.of(2012, 4, 1));
                    assertThat(tally.periodTo()).isEqualTo(LocalDate.of(2013, 3, 31));
                    assertThat(tally.count()).isEqualTo(65);
                    assertThat(tally.totalCostPence()).isEqualTo(1_094_300);
                });
    }

    @Test
    void anActionExistsFromBeforeItsEarliestNoteAndThePlanFromBeforeEveryAction() {
        Map<String, LocalDate> actionDates = only(AddAction.class).stream()
                .collect(Collectors.toMap(AddAction::actionId, AddAction::effectiveOn));
        for (RecordProgress note : only(RecordProgress.class)) {
            assertThat(actionDates.get(note.actionId()))
                    .isBeforeOrEqualTo(ProgressPeriod.effectiveDate(note.period()));
        }
        LocalDate drafted = only(DraftPlan.class).get(0).effectiveOn();
        assertThat(actionDates.values()).allSatisfy(date -> assertThat(drafted).isBeforeOrEqualTo(date));
    }

    @Test
    void idsComeFromTheFileSoASecondImportRepeatsTheSameCommands() {
        List<Object> again = ImportPlanner.plan(new PlanDocumentReader().read(KetteringPlan.bytes()),
                ImportPlanner.LeadUserIds.FROM_FILE);
        assertThat(again).isEqualTo(commands);
    }

    @Test
    void ratingsRefreshesAndClosuresGetIdsDerivedFromTheFileToo() {
        List<Object> variant = ImportPlanner.plan(new PlanDocumentReader().read(KetteringPlan.withRatingsRefreshAndCompletion()),
                ImportPlanner.LeadUserIds.FROM_FILE);
        String action = KetteringPlan.FIRST_ACTION;
        assertThat(only(variant, AssessRag.class)).extracting(AssessRag::actionId, AssessRag::assessmentId)
                .containsExactly(tuple(action, action + ".r1"), tuple(action, action + ".r2"));
        assertThat(only(variant, CompleteAction.class)).singleElement()
                .satisfies(complete -> assertThat(complete.completionId()).isEqualTo(action + ".c1"));
        assertThat(only(variant, RefreshPlan.class)).singleElement()
                .satisfies(refresh -> assertThat(refresh.refreshId()).isEqualTo(KetteringPlan.PLAN_ID + ".r1"));
        // The additions change nothing else, so the variant can be imported over the plain file.
        assertThat(variant).containsAll(commands);
    }

    private <T> List<T> only(Class<T> type) {
        return only(commands, type);
    }

    private static <T> List<T> only(List<Object> commands, Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
