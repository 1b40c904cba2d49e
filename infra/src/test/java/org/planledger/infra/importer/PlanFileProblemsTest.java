package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.planledger.infra.importer.PlanDocument.TargetKind;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Hostile and broken files are refusals in plain words, by record id; version 1 and 2 shapes are read. */
class PlanFileProblemsTest {

    private final PlanDocumentReader reader = new PlanDocumentReader();

    @Test
    void aTenThousandDeepArrayIsARefusalNotACrash() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read(deep.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.getMessage()).contains("not valid JSON").contains("nested more than");
        String deepInside = "{\"formatVersion\": 2, \"plan\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> reader.read(deepInside.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPlanDocumentException.class);
    }

    @Test
    void aTwentyThousandDigitNumberIsARefusalNotACrash() {
        String huge = new String(KetteringPlan.bytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"value\": 17.9", "\"value\": " + "9".repeat(20_000));

        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read(huge.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.getMessage()).contains("longer than");
    }

    @Test
    void wrongTypesNullsAndEmptyFilesAreRefusalsInPlainWords() {
        for (String file : List.of("", "null", "[]", "42", "\"plan\"", "{}", "{\"formatVersion\": \"2\"}",
                "{\"formatVersion\": 2, \"plan\": null, \"priorities\": null}",
                "{\"formatVersion\": 2, \"plan\": {\"members\": [null, 5, {}]}, \"priorities\": [null, 3, {\"objectives\": [null]}],"
                        + " \"measures\": [{\"target\": null, \"readings\": [null, {\"period\": 5}]}]}")) {
            assertThatThrownBy(() -> reader.read(file.getBytes(StandardCharsets.UTF_8)))
                    .as(file).isInstanceOf(InvalidPlanDocumentException.class);
        }
        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read("{\"formatVersion\": 2, \"plan\": null, \"priorities\": []}".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.problems()).extracting(PlanDocumentProblem::describe)
                .contains("plan: must be an object { … }, not null (null means 'none'; leave the field out or give a value)")
                .anyMatch(line -> line.startsWith("the file: priorities needs at least 1 entry"))
                .noneMatch(line -> line.contains(" found, ") && line.contains(" expected"));
    }

    @Test
    void schemaAndRuleProblemsComeTogetherEachNamingItsRecordById() {
        String broken = new String(KetteringPlan.bytes(), StandardCharsets.UTF_8)
                .replace("\"kind\": \"ABSOLUTE\",\n                \"value\": 17.9,",
                        "\"kind\": \"PERCENT_CHANGE\",\n                \"value\": null,")
                .replaceFirst("\"cadence\": \"BI_MONTHLY\"", "\"cadence\": \"WEEKLY\"")
                .replace("\"id\": \"asb-fte-holiday-activities\"", "\"id\": \"asb-cleaner-weeks-of-action\"");

        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read(broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.problems()).extracting(PlanDocumentProblem::describe)
                .anyMatch(line -> line.matches("priority 'asb' → objective '[^']+' → indicator 'asb-cleaner-litter': "
                        + "target.value is required for PERCENT_CHANGE.*"))
                .anyMatch(line -> line.startsWith("plan: cadence must be one of BI_MONTHLY, QUARTERLY, SIX_MONTHLY, found \"WEEKLY\""))
                .anyMatch(line -> line.contains("action 'asb-cleaner-weeks-of-action': id 'asb-cleaner-weeks-of-action' is used more than once"));
    }

    @Test
    void readsVersionOneWithTargetTextAndMembersAsNames() {
        String v1 = new String(KetteringPlan.bytes(), StandardCharsets.UTF_8)
                .replace("\"formatVersion\": 2", "\"formatVersion\": 1")
                .replace("\"wording\":", "\"text\":");

        PlanDocument old = reader.read(v1.getBytes(StandardCharsets.UTF_8));

        assertThat(old.formatVersion()).isEqualTo(1);
        assertThat(PlanDocumentReaderTest.indicator(old, "asb-cleaner-litter").target().wording())
                .isEqualTo("Reduce to below 17.9%");
        assertThat(old.plan().members()).isNotEmpty().allSatisfy(member -> assertThat(member.organisation()).isNull());
    }

    @Test
    void readsVersionTwoShapes() {
        PlanDocument document = reader.read(SMALL_V2.getBytes(StandardCharsets.UTF_8));

        assertThat(document.plan().members()).extracting(PlanDocument.Member::name, PlanDocument.Member::role)
                .containsExactly(tuple("Police", null), tuple("A N Other", "Chair"));
        PlanDocument.Indicator measure = document.measures().get(0);
        assertThat(measure.target().kind()).isEqualTo(TargetKind.PEER_COMPARISON);
        assertThat(measure.target().peerGroup()).isEqualTo("MSG");
        assertThat(measure.readings().get(0).costPence()).isEqualTo(100L);
        assertThat(measure.seriesBreaks()).singleElement().satisfies(b -> assertThat(b.newBaselinePending()).isTrue());
        assertThat(document.priorities().get(0).actions()).singleElement()
                .satisfies(action -> assertThat(action.startDate()).isNull());
    }

    @Test
    void everyVersionTwoShapeBecomesACommandAndTheSummaryCountsNothingNotYetImported() {
        String withUnmapped = SMALL_V2.replace("\"startDate\": null, \"endDate\": null}",
                "\"startDate\": null, \"endDate\": null, \"progress\": [{\"period\": \"2013-04\", \"text\": \"Background\", \"undated\": true}]}");
        ImportPlan plan = ImportPlanner.plan(reader.read(withUnmapped.getBytes(StandardCharsets.UTF_8)),
                ImportPlanner.LeadUserIds.FROM_FILE, StoredPlan.empty(), "re-imported from small.json");

        assertThat(plan.commands()).hasAtLeastOneElementOfType(org.planledger.command.api.RecordPlanMember.class)
                .hasAtLeastOneElementOfType(org.planledger.command.api.RecordSeriesBreak.class);
        assertThat(plan.notYetImported()).isEmpty();
        assertThat(plan.commands()).anyMatch(command -> command instanceof org.planledger.command.api.RecordProgress note
                && Boolean.TRUE.equals(note.undated()) && note.period().equals("2013-04"));
        assertThat(ImportPlanner.plan(reader.read(SMALL_V2.getBytes(StandardCharsets.UTF_8)),
                ImportPlanner.LeadUserIds.FROM_FILE, StoredPlan.empty(), "test").notYetImported()).isEmpty();
        assertThat(plan.commands()).anyMatch(command -> command instanceof org.planledger.command.api.AddObjective add
                && add.objectiveId().equals("a.own") && add.title().equals("A"));
    }

    @Test
    void anIndicatorHasOneOwnAndOnePeerReadingPerPeriod() {
        String withPeer = SMALL_V2.replace("{\"period\": \"2012/13\", \"value\": 48, \"costPence\": 100}",
                "{\"period\": \"2012/13\", \"value\": 48, \"costPence\": 100}, {\"period\": \"2012/13\", \"value\": 40, \"series\": \"PEER\"}");
        assertThat(reader.read(withPeer.getBytes(StandardCharsets.UTF_8)).measures().get(0).readings())
                .extracting(PlanDocument.Reading::peer).containsExactly(false, true);

        String twice = withPeer.replace("\"value\": 40, \"series\": \"PEER\"}",
                "\"value\": 40, \"series\": \"PEER\"}, {\"period\": \"2012/13\", \"value\": 41, \"series\": \"PEER\"}");
        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read(twice.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.problems()).extracting(PlanDocumentProblem::describe).singleElement().asString()
                .contains("measure 'm'", "another peer reading for 2012/13");
    }

    @Test
    void aRetiredIndicatorsReadingsEndByItsRetirement() {
        String retired = SMALL_V2.replace("\"newBaselinePending\": true}]}]",
                "\"newBaselinePending\": true}], \"retired\": {\"on\": \"2013-03-31\", \"reason\": \"no longer published\"}}]");
        assertThat(reader.read(retired.getBytes(StandardCharsets.UTF_8)).measures().get(0).retired().on())
                .isEqualTo(java.time.LocalDate.of(2013, 3, 31));

        String tooLate = retired.replace("\"on\": \"2013-03-31\"", "\"on\": \"2013-03-30\"");
        InvalidPlanDocumentException refused = catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> reader.read(tooLate.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.problems()).extracting(PlanDocumentProblem::describe).singleElement().asString()
                .contains("measure 'm'", "ends after the indicator was retired (2013-03-30)");
    }

    static final String SMALL_V2 = """
            {"formatVersion": 2,
             "plan": {"id": "p", "partnership": "P", "title": "T", "periodStart": "2013-04-01",
                      "periodEnd": "2014-03-31", "cadence": "QUARTERLY", "draftedOn": "2013-04-01",
                      "members": ["Police", {"name": "A N Other", "organisation": "PCC", "role": "Chair", "from": "2013-04-01"}]},
             "measures": [{"id": "m", "name": "Victim based crime", "unit": "COUNT", "direction": "REDUCE",
                           "target": {"kind": "PEER_COMPARISON", "wording": "Out-perform peers", "peerGroup": "MSG"},
                           "readings": [{"period": "2012/13", "value": 48, "costPence": 100}],
                           "seriesBreaks": [{"on": "2013-04-01", "reason": "new counting rules", "newBaselinePending": true}]}],
             "priorities": [{"id": "a", "title": "A", "objectives": [],
                             "actions": [{"id": "a1", "title": "Do", "leads": [{"name": "Police", "organisation": "Police"}],
                                          "startDate": null, "endDate": null}]}]}
            """;
}
