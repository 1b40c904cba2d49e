package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.planledger.command.api.*;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh-time structure changes, and a changed file planned against what the store holds. */
class ImportSyncPlannerTest {

    private static final String FILE = """
            {"formatVersion": 2,
             "plan": {"id": "p", "partnership": "P", "title": "T", "periodStart": "2013-04-01",
                      "periodEnd": "2016-03-31", "cadence": "QUARTERLY", "draftedOn": "2013-04-01",
                      "members": ["Council", {"name": "Cllr Y", "organisation": "Council", "role": "Chair", "from": "2013-05-01"}]},
             "measures": [{"id": "crime-rate", "name": "Crime rate", "unit": "RATE", "direction": "REDUCE", "baseline": null,
                           "target": {"kind": "PEER_COMPARISON", "wording": "Below our most similar group", "peerGroup": "MSG"},
                           "readings": [{"period": "2012/13", "value": 60, "costPence": 1000, "note": "provisional", "source": "iQuanta"},
                                        {"period": "2012/13", "value": 55, "series": "PEER", "source": "iQuanta"}],
                           "seriesBreaks": [{"on": "2014-04-01", "reason": "New boundaries", "newBaselinePending": true}]}],
             "priorities": [
               {"id": "asb", "title": "ASB and nuisance", "leads": ["A"],
                "formerTitles": [{"title": "ASB", "until": "2014-04-01"}],
                "indicators": [{"id": "asb-calls", "name": "Calls", "unit": "COUNT", "direction": "REDUCE", "baseline": null,
                                "target": {"kind": "IMPROVE_ON_PREVIOUS", "wording": "Fewer than last year", "baselinePeriod": "2012/13"}}],
                "objectives": [
                  {"id": "asb-1", "title": "Fewer incidents", "outcomes": ["o"],
                   "indicators": [{"id": "asb-i", "name": "Incidents", "unit": "COUNT", "direction": "REDUCE",
                                   "baseline": {"value": 100, "period": "2012/13", "source": null, "text": "100"},
                                   "target": {"kind": "PERCENT_CHANGE", "value": 5, "wording": "5% reduction"},
                                   "readings": [{"period": "2013/14", "value": 90, "source": "Police"}]}],
                   "actions": [{"id": "a1", "title": "Patrols", "leads": [{"name": "Sgt X", "organisation": "Police"}],
                                "startDate": "2013-04-01", "endDate": "2014-03-31",
                                "progress": [{"period": "2013-06", "text": "Started", "undated": false, "planned": 60, "achieved": 41}],
                                "referralTallies": [{"from": "2013-04-01", "to": "2014-03-31", "count": 12, "totalCostPence": null, "note": null}]}]},
                  {"id": "asb-2", "title": "Added at the 2014 refresh", "from": "2014-04-01"}]},
               {"id": "old", "title": "Old priority", "retired": {"on": "2014-04-01", "reason": "Merged into ASB"},
                "actions": [{"id": "a2", "title": "Old work", "leads": [{"name": "Council", "organisation": "Council"}],
                             "startDate": "2013-04-01", "endDate": null, "retired": {"on": "2014-04-01", "reason": "Priority retired"}}]}]}
            """;

    private final PlanDocument document = new PlanDocumentReader().read(FILE.getBytes(StandardCharsets.UTF_8));

    @Test
    void refreshChangesBecomeAddsFromTheirDateRevisesForFormerTitlesAndRetirements() {
        List<Object> commands = ImportPlanner.plan(document, ImportPlanner.LeadUserIds.FROM_FILE);

        assertThat(commands).contains(
                new AddPriority("p", "asb", "ASB", List.of("A"), LocalDate.of(2013, 4, 1), null),
                new RevisePriority("p", "asb", "ASB and nuisance", List.of("A"), ImportPlanner.RENAMED,
                        LocalDate.of(2014, 4, 1), null),
                new AddObjective("p", "asb-2", "asb", "Added at the 2014 refresh", List.of(), LocalDate.of(2014, 4, 1), null),
                new RetirePriority("p", "old", "Merged into ASB", LocalDate.of(2014, 4, 1), null),
                new CeaseAction("a2", "a2.c1", "Priority retired", LocalDate.of(2014, 4, 1), null),
                new RecordIndicatorReading("p", "asb-i", "asb-i.2013_14", new BigDecimal("90"), "2013/14", null, null,
                        "Police", null, LocalDate.of(2014, 3, 31), null));
        assertThat(commands).filteredOn(AddAction.class::isInstance).map(AddAction.class::cast)
                .filteredOn(add -> add.actionId().equals("a2")).singleElement()
                .satisfies(add -> {
                    assertThat(add.objectiveId()).as("an action still needs an objective").isEqualTo("old.own");
                    assertThat(add.startDate()).isEqualTo(LocalDate.of(2013, 4, 1));
                    assertThat(add.endDate()).as("ongoing, not the plan's end").isNull();
                });
    }

    @Test
    void measuresPriorityIndicatorsMembersBreaksAndFiguresBecomeTheDomainsCommands() {
        ImportPlan plan = ImportPlanner.plan(document, ImportPlanner.LeadUserIds.FROM_FILE, StoredPlan.empty(), "test");
        LocalDate drafted = LocalDate.of(2013, 4, 1);

        assertThat(plan.commands()).contains(
                new DefineIndicator("p", "crime-rate", null, null, "Crime rate", IndicatorUnit.RATE, Direction.REDUCE, null,
                        new Target(TargetKind.PEER_COMPARISON, null, "Below our most similar group", null, "MSG"),
                        null, null, null, drafted, null),
                new DefineIndicator("p", "asb-calls", null, "asb", "Calls", IndicatorUnit.COUNT, Direction.REDUCE, null,
                        new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "Fewer than last year", "2012/13", null),
                        null, null, null, drafted, null),
                new RecordIndicatorReading("p", "crime-rate", "crime-rate.2012_13", new BigDecimal("60"), "2012/13", 1000L,
                        "provisional", "iQuanta", null, LocalDate.of(2013, 3, 31), null),
                new RecordIndicatorReading("p", "crime-rate", "crime-rate.peer.2012_13", new BigDecimal("55"), "2012/13", null,
                        null, "iQuanta", "PEER", LocalDate.of(2013, 3, 31), null),
                new RecordSeriesBreak("p", "crime-rate", LocalDate.of(2014, 4, 1), "New boundaries", true, null, null),
                new RecordPlanMember("p", "p.m1", "Council", null, null, null, null, drafted, null),
                new RecordPlanMember("p", "p.m2", "Cllr Y", "Council", "Chair", LocalDate.of(2013, 5, 1), null,
                        LocalDate.of(2013, 5, 1), null),
                new RecordProgress("a1", "a1.n1", "2013-06", "Started", new BigDecimal("41"), new BigDecimal("60"), null),
                new TallyReferrals("a1", "a1.t1", LocalDate.of(2013, 4, 1), LocalDate.of(2014, 3, 31), 12, null, null,
                        null, null));
        assertThat(plan.commands()).as("a priority holding only indicators gets no '.own' objective")
                .noneMatch(command -> command instanceof AddObjective add && add.objectiveId().equals("asb.own"));
        assertThat(plan.notYetImported()).isEmpty();
    }

    @Test
    void aChangedFileBecomesRevisionsAndAnUnchangedOneNothing() {
        StoredPlan stored = storeHolding(document);
        ImportPlan same = ImportPlanner.plan(document, ImportPlanner.LeadUserIds.FROM_FILE, stored, "re-imported from f.json");
        assertThat(same.steps()).allSatisfy(step -> assertThat(step.change()).isEqualTo(ImportPlan.Change.ENSURE));
        assertThat(same.unchanged()).contains("priority 'asb'", "objective 'asb-1'", "indicator 'asb-i'",
                "action 'a1'", "progress note 'a1.n1'", "reading 'asb-i' 2013/14");

        String changedFile = FILE.replace("\"title\": \"Patrols\"", "\"title\": \"Evening patrols\"")
                .replace("\"endDate\": \"2014-03-31\"", "\"endDate\": \"2014-09-30\"")
                .replace("\"text\": \"Started\"", "\"text\": \"Started in June\"")
                .replace("\"value\": 5, \"wording\": \"5% reduction\"", "\"value\": 7, \"wording\": \"7% reduction\"")
                .replace("\"leads\": [\"A\"]", "\"leads\": [\"B\"]")
                .replace("\"value\": 90,", "\"value\": 91,");
        PlanDocument changed = new PlanDocumentReader().read(changedFile.getBytes(StandardCharsets.UTF_8));

        ImportPlan plan = ImportPlanner.plan(changed, ImportPlanner.LeadUserIds.FROM_FILE, stored, "re-imported from f2.json");

        assertThat(plan.steps()).filteredOn(step -> step.change() == ImportPlan.Change.REVISE)
                .extracting(step -> step.record() + ": " + String.join(", ", step.fields()))
                .containsExactly("priority 'asb': leads", "indicator 'asb-i': target",
                        "reading 'asb-i' 2013/14: value (the file says 91, the store 90)", "action 'a1': title",
                        "action 'a1': endDate", "progress note 'a1.n1': text");
        assertThat(plan.commands()).contains(
                new RescheduleAction("a1", LocalDate.of(2013, 4, 1), LocalDate.of(2014, 9, 30), "re-imported from f2.json", null, null),
                new CorrectProgressNote("a1", "a1.n1", "Started in June", "re-imported from f2.json", null, null),
                new CorrectIndicatorReading("p", "asb-i", "asb-i.2013_14", new BigDecimal("91"), null, null,
                        "re-imported from f2.json", null, null));
        assertThat(plan.notApplied()).isEmpty();
        assertThat(plan.commands()).noneMatch(command -> command instanceof AddPriority || command instanceof AddAction
                || command instanceof DefineIndicator || command instanceof RecordIndicatorReading);
    }

    @Test
    void aChangedMemberIsRecordedAgainUnderItsIdAChangedReadingCorrectedAndANoteFigureNotApplied() {
        StoredPlan stored = storeHolding(document);
        ImportPlan same = ImportPlanner.plan(document, ImportPlanner.LeadUserIds.FROM_FILE, stored, "again");
        assertThat(same.steps()).allSatisfy(step -> assertThat(step.change()).isEqualTo(ImportPlan.Change.ENSURE));
        assertThat(same.unchanged()).contains("member 'p.m1'", "member 'p.m2'", "measure 'crime-rate'",
                "indicator 'asb-calls'", "reading 'crime-rate' 2012/13", "peer reading 'crime-rate' 2012/13");
        assertThat(same.notApplied()).isEmpty();

        String changedFile = FILE.replace("\"role\": \"Chair\", \"from\": \"2013-05-01\"",
                        "\"role\": \"Chair\", \"from\": \"2013-05-01\", \"to\": \"2015-05-31\"")
                .replace("\"note\": \"provisional\"", "\"note\": \"final\"")
                .replace("\"peerGroup\": \"MSG\"", "\"peerGroup\": \"Most similar group\"")
                .replace("\"planned\": 60", "\"planned\": 65");
        ImportPlan plan = ImportPlanner.plan(new PlanDocumentReader().read(changedFile.getBytes(StandardCharsets.UTF_8)),
                ImportPlanner.LeadUserIds.FROM_FILE, stored, "re-imported from f2.json");

        assertThat(plan.steps()).filteredOn(step -> step.change() == ImportPlan.Change.REVISE)
                .extracting(step -> step.record() + ": " + String.join(", ", step.fields()))
                .containsExactlyInAnyOrder("member 'p.m2': to", "measure 'crime-rate': target",
                        "reading 'crime-rate' 2012/13: note");
        assertThat(plan.commands()).contains(
                new RecordPlanMember("p", "p.m2", "Cllr Y", "Council", "Chair", LocalDate.of(2013, 5, 1),
                        LocalDate.of(2015, 5, 31), null, null),
                new RebaselineIndicator("p", "crime-rate", null,
                        new Target(TargetKind.PEER_COMPARISON, null, "Below our most similar group", null, "Most similar group"),
                        null, "re-imported from f2.json", null, null));
        assertThat(plan.commands()).contains(new CorrectIndicatorReading("p", "crime-rate", "crime-rate.2012_13",
                new BigDecimal("60"), 1000L, "final", "re-imported from f2.json", null, null));
        assertThat(plan.notApplied()).singleElement().asString()
                .contains("progress note 'a1.n1': planned", "no command corrects a note's figures");
    }

    @Test
    void anActionStoredWithDatesIsNotMadeOngoingByAFileWithout() {
        StoredPlan stored = storeHolding(document);
        String undated = FILE.replace("\"startDate\": \"2013-04-01\", \"endDate\": \"2014-03-31\"",
                "\"startDate\": null, \"endDate\": null");
        ImportPlan plan = ImportPlanner.plan(new PlanDocumentReader().read(undated.getBytes(StandardCharsets.UTF_8)),
                ImportPlanner.LeadUserIds.FROM_FILE, stored, "again");

        assertThat(plan.commands()).noneMatch(RescheduleAction.class::isInstance);
        assertThat(plan.notApplied()).singleElement().asString()
                .contains("action 'a1': startDate, endDate", "RescheduleAction needs both dates");
    }

    @Test
    void retirementsFocusStrandsAndUndatedNotesAreSentOnceAndAReImportLeavesThemAlone() {
        String refreshed = FILE.replace("\"title\": \"Added at the 2014 refresh\", \"from\": \"2014-04-01\"",
                        "\"title\": \"Added at the 2014 refresh\", \"from\": \"2014-04-01\", "
                                + "\"retired\": {\"on\": \"2015-04-01\", \"reason\": \"Dropped at the 2015 refresh\"}")
                .replace("\"target\": {\"kind\": \"IMPROVE_ON_PREVIOUS\", \"wording\": \"Fewer than last year\", \"baselinePeriod\": \"2012/13\"}",
                        "\"target\": {\"kind\": \"IMPROVE_ON_PREVIOUS\", \"wording\": \"Fewer than last year\", \"baselinePeriod\": \"2012/13\"}, "
                                + "\"retired\": {\"on\": \"2015-04-01\", \"reason\": \"No longer published\"}")
                .replace("\"leads\": [\"A\"],", "\"leads\": [\"A\"], \"focus\": [\"Street drinking\", \"Nuisance\"],")
                .replace("\"undated\": false", "\"undated\": true");
        PlanDocument file = new PlanDocumentReader().read(refreshed.getBytes(StandardCharsets.UTF_8));

        ImportPlan first = ImportPlanner.plan(file, ImportPlanner.LeadUserIds.FROM_FILE, StoredPlan.empty(), "imported");
        assertThat(first.notYetImported()).isEmpty();
        List<Object> commands = first.commands();
        assertThat(commands).contains(
                new AddPriority("p", "asb", "ASB", List.of("A"), List.of("Street drinking", "Nuisance"),
                        LocalDate.of(2013, 4, 1), null),
                new RecordProgress("a1", "a1.n1", "2013-06", "Started", new BigDecimal("41"), new BigDecimal("60"), true, null));
        // retired last, once what sits under them is in: a retired objective takes no new actions
        assertThat(commands.subList(commands.size() - 2, commands.size())).containsExactly(
                new RetireObjective("p", "asb-2", "Dropped at the 2015 refresh", LocalDate.of(2015, 4, 1), null),
                new RetireIndicator("p", "asb-calls", "No longer published", LocalDate.of(2015, 4, 1), null));

        ImportPlan retiredLater = ImportPlanner.plan(file, ImportPlanner.LeadUserIds.FROM_FILE, storeHolding(document), "f2");
        assertThat(retiredLater.steps()).filteredOn(step -> step.change() == ImportPlan.Change.REVISE)
                .extracting(step -> step.record() + ": " + String.join(", ", step.fields()))
                .contains("objective 'asb-2': retired", "indicator 'asb-calls': retired");
        assertThat(retiredLater.unchanged()).doesNotContain("objective 'asb-2'", "indicator 'asb-calls'");

        ImportPlan again = ImportPlanner.plan(file, ImportPlanner.LeadUserIds.FROM_FILE, storeHolding(file), "again");
        assertThat(again.commands()).noneMatch(command -> command instanceof RetireObjective
                || command instanceof RetireIndicator || command instanceof RevisePriority);
        assertThat(again.steps()).allSatisfy(step -> assertThat(step.change()).isEqualTo(ImportPlan.Change.ENSURE));
        assertThat(again.notApplied()).isEmpty();

        ImportPlan refocused = ImportPlanner.plan(new PlanDocumentReader().read(refreshed
                        .replace("\"focus\": [\"Street drinking\", \"Nuisance\"]", "\"focus\": [\"Nuisance\"]")
                        .getBytes(StandardCharsets.UTF_8)),
                ImportPlanner.LeadUserIds.FROM_FILE, storeHolding(file), "re-imported from f2.json");
        assertThat(refocused.steps()).filteredOn(step -> step.change() != ImportPlan.Change.ENSURE)
                .extracting(step -> step.record() + ": " + String.join(", ", step.fields()))
                .containsExactly("priority 'asb': focus");
        assertThat(refocused.commands()).filteredOn(RevisePriority.class::isInstance).containsExactly(new RevisePriority(
                "p", "asb", "ASB and nuisance", List.of("A"), List.of("Nuisance"), "re-imported from f2.json", null, null));
    }

    /** The store as if the file had been imported: the events its create commands would have recorded. */
    private static StoredPlan storeHolding(PlanDocument document) {
        StoredPlan stored = StoredPlan.empty();
        for (Object command : ImportPlanner.plan(document, ImportPlanner.LeadUserIds.FROM_FILE)) {
            switch (command) {
                case DraftPlan c -> stored.applyPlanEvent(new PlanDrafted(c.planId(), c.partnership(), c.title(),
                        c.periodStart(), c.periodEnd(), c.cadence(), c.effectiveOn()));
                case AddPriority c -> stored.applyPlanEvent(new PriorityAdded(c.planId(), c.priorityId(), c.title(), c.leads(),
                        c.focus(), c.effectiveOn()));
                // the aggregate keeps the strands when a revision leaves them out
                case RevisePriority c -> stored.applyPlanEvent(new PriorityRevised(c.planId(), c.priorityId(), c.title(), c.leads(),
                        c.focus() != null ? c.focus() : stored.priorities.get(c.priorityId()).focus(), c.effectiveOn()));
                case RetireObjective c -> stored.applyPlanEvent(new ObjectiveRetired(c.planId(), c.objectiveId(), c.reason(), c.effectiveOn()));
                case RetireIndicator c -> stored.applyPlanEvent(new IndicatorRetired(c.planId(), c.indicatorId(), c.reason(), c.effectiveOn()));
                case RetirePriority c -> stored.applyPlanEvent(new PriorityRetired(c.planId(), c.priorityId(), c.reason(), c.effectiveOn()));
                case AddObjective c -> stored.applyPlanEvent(new ObjectiveAdded(c.planId(), c.priorityId(), c.objectiveId(), c.title(), c.outcomes(), c.effectiveOn()));
                case DefineIndicator c -> stored.applyPlanEvent(new IndicatorDefined(c.planId(), c.objectiveId(), c.priorityId(),
                        c.indicatorId(), c.name(), c.unit(), c.direction(), c.baseline(), c.target(), c.changeRequired(), c.dueOn(),
                        c.lead(), c.effectiveOn()));
                case RecordIndicatorReading c -> stored.applyPlanEvent(new IndicatorReadingRecorded(c.planId(), c.indicatorId(),
                        c.readingId(), c.value(), c.period(), c.costPence(), c.note(), c.source(), c.series(), c.effectiveOn()));
                case RecordPlanMember c -> stored.applyPlanEvent(new PlanMemberRecorded(c.planId(), c.memberId(), c.name(),
                        c.organisation(), c.role(), c.from(), c.to(), c.effectiveOn()));
                case AddAction c -> {
                    stored.applyPlanEvent(new ActionRegistered(c.planId(), c.objectiveId(), c.actionId(), "digest", c.effectiveOn()));
                    stored.applyActionEvent(c.actionId(), new ActionAdded(c.planId(), c.objectiveId(), c.actionId(), c.title(), c.outputs(),
                            c.monitoringIndicators(), c.resources(), c.leads(), c.partners(), c.startDate(), c.endDate(), c.risks(), c.effectiveOn()));
                }
                case RecordProgress c -> stored.applyActionEvent(c.actionId(), new ProgressRecorded("p", c.actionId(), c.noteId(), c.period(),
                        c.text(), c.achieved(), c.planned(), c.undated(), ProgressPeriod.effectiveDate(c.period())));
                default -> {
                }
            }
        }
        return stored;
    }
}
