package org.planledger.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planledger.command.api.*;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planledger.command.Kettering.*;
import static org.planledger.command.Rejections.rejected;
import static org.planledger.command.Streams.appended;
import static org.planledger.command.Streams.appendedTo;
import static org.planledger.command.Streams.notAppendedTo;

class PlanTest {

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    @Nested
    class Drafting {

        @Test
        void draftingAPlanRecordsItsPartnershipPeriodAndCadence() {
            fixture.givenNoPriorActivity()
                    .when(draftPlan())
                    .expectEvents(planDrafted());
        }

        @Test
        void repeatingTheSameDraftChangesNothing() {
            fixture.given(planDrafted())
                    .when(draftPlan())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingThePlanIdForDifferentContentIsRejected() {
            DraftPlan otherTitle = new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership",
                    "Partnership Plan 2016-2019", PERIOD_START, PERIOD_END, Cadence.BI_MONTHLY, ON);

            fixture.given(planDrafted())
                    .when(otherTitle)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void planPeriodEndingBeforeItStartsIsRejected() {
            DraftPlan backwards = new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership",
                    "Partnership Plan 2013-2016", PERIOD_END, PERIOD_START, Cadence.QUARTERLY, ON);

            fixture.givenNoPriorActivity()
                    .when(backwards)
                    .expectException(rejected(RejectionCode.END_BEFORE_START, "periodEnd"));
        }

        @Test
        void draftWithoutEffectiveDateIsEffectiveTodayInLondon() {
            // 23:30 UTC on 31 March 2013 is already 00:30 on 1 April in British Summer Time.
            DraftPlan undated = new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership",
                    "Partnership Plan 2013-2016", PERIOD_START, PERIOD_END, Cadence.BI_MONTHLY, null);

            fixture.givenCurrentTime(Instant.parse("2013-03-31T23:30:00Z"))
                    .when(undated)
                    .expectEvents(new PlanDrafted(PLAN, "Kettering Borough Community Safety Partnership",
                            "Partnership Plan 2013-2016", PERIOD_START, PERIOD_END, Cadence.BI_MONTHLY,
                            LocalDate.of(2013, 4, 1)));
        }

        @Test
        void retryingAnUndatedDraftOnALaterDayChangesNothing() {
            // The first draft took 1 May as its date; the retry the next morning means the same plan.
            DraftPlan undated = new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership",
                    "Partnership Plan 2013-2016", PERIOD_START, PERIOD_END, Cadence.BI_MONTHLY, null);

            fixture.given(planDrafted())
                    .andGivenCurrentTime(Instant.parse("2013-05-02T08:00:00Z"))
                    .when(undated)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void commandsToAPlanThatWasNeverDraftedFindNoPlan() {
            fixture.givenNoPriorActivity()
                    .when(addPriority())
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Priorities {

        @Test
        void addingAPriorityRecordsItWithItsLeads() {
            fixture.given(planDrafted())
                    .when(addPriority())
                    .expectEvents(priorityAdded());
        }

        @Test
        void repeatingTheSamePriorityChangesNothing() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(addPriority())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void retryingAnUndatedPriorityOnALaterDayChangesNothing() {
            fixture.given(planDrafted(), priorityAdded())
                    .andGivenCurrentTime(Instant.parse("2013-05-02T08:00:00Z"))
                    .when(new AddPriority(PLAN, PRIORITY, "Anti-social behaviour", List.of("Safer Community Team"),
                            null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAPriorityIdForDifferentContentIsRejected() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(new AddPriority(PLAN, PRIORITY, "Violence", List.of(), ON, null))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void revisingAPriorityRecordsTheNewTitleAndLeads() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(new RevisePriority(PLAN, PRIORITY, "Anti-social behaviour and nuisance",
                            List.of("Safer Community Team", "Police"), "annual refresh", ON, null))
                    .expectEvents(new PriorityRevised(PLAN, PRIORITY, "Anti-social behaviour and nuisance",
                            List.of("Safer Community Team", "Police"), ON));
        }

        @Test
        void revisingAnUnknownPriorityIsRejected() {
            fixture.given(planDrafted())
                    .when(new RevisePriority(PLAN, "no-such", "Violence", List.of(), null, ON, null))
                    .expectException(rejected(RejectionCode.PRIORITY_NOT_FOUND, "priorityId"));
        }

        @Test
        void retiringAPriorityRecordsWhy() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(new RetirePriority(PLAN, PRIORITY, "merged into Violence", ON, null))
                    .expectEvents(priorityRetired());
        }

        @Test
        void retiringAPriorityNeedsAReason() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(new RetirePriority(PLAN, PRIORITY, " ", ON, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void retiringARetiredPriorityIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), priorityRetired())
                    .when(new RetirePriority(PLAN, PRIORITY, "again", ON, null))
                    .expectException(rejected(RejectionCode.PRIORITY_RETIRED, "priorityId"));
        }

        @Test
        void aRetiredPriorityTakesNoNewObjectives() {
            fixture.given(planDrafted(), priorityAdded(), priorityRetired())
                    .when(addObjective())
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.PRIORITY_RETIRED, "priorityId"));
        }
    }

    @Nested
    class Objectives {

        @Test
        void addingAnObjectiveFilesItUnderItsPriority() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(addObjective())
                    .expectEvents(objectiveAdded());
        }

        @Test
        void anObjectiveUnderAnUnknownPriorityIsRejected() {
            fixture.given(planDrafted())
                    .when(addObjective())
                    .expectException(rejected(RejectionCode.PRIORITY_NOT_FOUND, "priorityId"));
        }

        @Test
        void repeatingTheSameObjectiveChangesNothing() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addObjective())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAnObjectiveIdForDifferentContentIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new AddObjective(PLAN, OBJECTIVE, PRIORITY, "Something else", List.of(), ON, null))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void revisingAnObjectiveRecordsTheNewTitleAndOutcomes() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new ReviseObjective(PLAN, OBJECTIVE, "Reduce ASB", List.of("Fewer incidents"),
                            "annual refresh", ON, null))
                    .expectEvents(new ObjectiveRevised(PLAN, OBJECTIVE, "Reduce ASB", List.of("Fewer incidents"), ON));
        }

        @Test
        void revisingAnUnknownObjectiveIsRejected() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(new ReviseObjective(PLAN, "no-such", "Reduce ASB", List.of(), null, ON, null))
                    .expectException(rejected(RejectionCode.OBJECTIVE_NOT_FOUND, "objectiveId"));
        }
    }

    @Nested
    class Indicators {

        private final Baseline newBaseline =
                new Baseline(new BigDecimal("8.9"), "2013/14", "Police Local Survey", "8.9% (2013/2014)");
        private final Target newTarget = new Target(TargetKind.PERCENT_CHANGE, new BigDecimal("5"), "5% reduction");

        @Test
        void definingAnIndicatorRecordsBaselineAndTarget() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(defineIndicator())
                    .expectEvents(indicatorDefined());
        }

        @Test
        void anIndicatorUnderAnUnknownObjectiveIsRejected() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(defineIndicator())
                    .expectException(rejected(RejectionCode.OBJECTIVE_NOT_FOUND, "objectiveId"));
        }

        @Test
        void repeatingTheSameIndicatorChangesNothing() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(defineIndicator())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAnIndicatorIdForDifferentContentIsRejected() {
            DefineIndicator monitorOnly = new DefineIndicator(PLAN, INDICATOR, OBJECTIVE, "Residents who see ASB as a problem",
                    IndicatorUnit.PERCENT, Direction.MONITOR, null, new Target(TargetKind.MONITOR_ONLY, null,
                    "monitor at county level"), null, null, null, ON, null);

            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(monitorOnly)
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void rebaseliningRecordsTheNewBaselineTargetAndReason() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RebaselineIndicator(PLAN, INDICATOR, newBaseline, newTarget, "0.4 points",
                            "strategic assessment 2014", ON, null))
                    .expectEvents(new IndicatorRebaselined(PLAN, INDICATOR, newBaseline, newTarget, "0.4 points",
                            "strategic assessment 2014", ON));
        }

        @Test
        void rebaseliningNeedsAReason() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RebaselineIndicator(PLAN, INDICATOR, newBaseline, newTarget, null, null, ON, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void rebaseliningAnUnknownIndicatorIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new RebaselineIndicator(PLAN, "no-such", newBaseline, newTarget, null, "refresh", ON, null))
                    .expectException(rejected(RejectionCode.INDICATOR_NOT_FOUND, "indicatorId"));
        }

        @Test
        void aReadingIsRecordedAgainstTheIndicator() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, new BigDecimal("8.6"), "2013/14",
                            "Police Local Survey", LocalDate.of(2014, 3, 31), null))
                    .expectEvents(new IndicatorReadingRecorded(PLAN, INDICATOR, new BigDecimal("8.6"), "2013/14",
                            "Police Local Survey", LocalDate.of(2014, 3, 31)));
        }

        @Test
        void aReadingWithoutADateIsEffectiveOnTheLastDayOfItsPeriodAndKeepsItsCostNoteAndSeries() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, "burglary-2013-14", new BigDecimal("233"), "2013/14",
                            1_250_000_00L, "provisional figure", "iQuanta", "OWN", null, null))
                    .expectEvents(new IndicatorReadingRecorded(PLAN, INDICATOR, "burglary-2013-14", new BigDecimal("233"),
                            "2013/14", 1_250_000_00L, "provisional figure", "iQuanta", "OWN", LocalDate.of(2014, 3, 31)));
        }

        @Test
        void quartersAndMonthsAreKnownAtTheirEnd() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, "q", BigDecimal.ONE, "2013/14 Q2", null, null, null, null, null, null))
                    .expectEvents(new IndicatorReadingRecorded(PLAN, INDICATOR, "q", BigDecimal.ONE, "2013/14 Q2",
                            null, null, null, null, LocalDate.of(2013, 9, 30)));
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, "m", BigDecimal.ONE, "2014-02", null, null, null, null, null, null))
                    .expectEvents(new IndicatorReadingRecorded(PLAN, INDICATOR, "m", BigDecimal.ONE, "2014-02",
                            null, null, null, null, LocalDate.of(2014, 2, 28)));
        }

        @Test
        void repeatingAReadingWithTheSameIdAndContentChangesNothing() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(),
                            new IndicatorReadingRecorded(PLAN, INDICATOR, "r1", new BigDecimal("233"), "2013/14",
                                    null, null, null, null, LocalDate.of(2014, 3, 31)))
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, "r1", new BigDecimal("233"), "2013/14",
                            null, null, null, null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAReadingIdForAnotherFigureIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(),
                            new IndicatorReadingRecorded(PLAN, INDICATOR, "r1", new BigDecimal("233"), "2013/14",
                                    null, null, null, null, LocalDate.of(2014, 3, 31)))
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, "r1", new BigDecimal("240"), "2013/14",
                            null, null, null, null, null, null))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void aSeriesBreakIsRecordedWithItsReasonAndIsEffectiveOnTheBreakDay() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RecordSeriesBreak(PLAN, INDICATOR, LocalDate.of(2014, 4, 1), "counting rules changed", true, null, null))
                    .expectEvents(new IndicatorSeriesBroken(PLAN, INDICATOR, LocalDate.of(2014, 4, 1), "counting rules changed",
                            true, LocalDate.of(2014, 4, 1)));
        }

        @Test
        void theSameSeriesBreakAgainChangesNothingAndADifferentOneOnTheSameDayIsRejected() {
            IndicatorSeriesBroken recorded = new IndicatorSeriesBroken(PLAN, INDICATOR, LocalDate.of(2014, 4, 1),
                    "counting rules changed", true, LocalDate.of(2014, 4, 1));
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), recorded)
                    .when(new RecordSeriesBreak(PLAN, INDICATOR, LocalDate.of(2014, 4, 1), "counting rules changed", true, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), recorded)
                    .when(new RecordSeriesBreak(PLAN, INDICATOR, LocalDate.of(2014, 4, 1), "new boundaries", false, null, null))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void aSeriesBreakNeedsAReasonAndAKnownIndicator() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RecordSeriesBreak(PLAN, INDICATOR, LocalDate.of(2014, 4, 1), " ", false, null, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
            fixture.given(planDrafted())
                    .when(new RecordSeriesBreak(PLAN, "no-such", LocalDate.of(2014, 4, 1), "rules", false, null, null))
                    .expectException(rejected(RejectionCode.INDICATOR_NOT_FOUND, "indicatorId"));
        }

        @Test
        void aPlanLevelMeasureNeedsNoObjectiveOrPriority() {
            fixture.given(planDrafted())
                    .when(new DefineIndicator(PLAN, "all-crime", null, null, "All recorded crime", IndicatorUnit.COUNT,
                            Direction.REDUCE, null, TARGET, null, null, null, ON, null))
                    .expectEvents(new IndicatorDefined(PLAN, null, null, "all-crime", "All recorded crime", IndicatorUnit.COUNT,
                            Direction.REDUCE, null, TARGET, null, null, null, ON));
        }

        @Test
        void aPriorityLevelMeasureNamesAKnownPriority() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(new DefineIndicator(PLAN, "asb-calls", null, PRIORITY, "ASB calls", IndicatorUnit.COUNT,
                            Direction.REDUCE, null, TARGET, null, null, null, ON, null))
                    .expectEvents(new IndicatorDefined(PLAN, null, PRIORITY, "asb-calls", "ASB calls", IndicatorUnit.COUNT,
                            Direction.REDUCE, null, TARGET, null, null, null, ON));
            fixture.given(planDrafted())
                    .when(new DefineIndicator(PLAN, "asb-calls", null, "no-such", "ASB calls", IndicatorUnit.COUNT,
                            Direction.REDUCE, null, TARGET, null, null, null, ON, null))
                    .expectException(rejected(RejectionCode.PRIORITY_NOT_FOUND, "priorityId"));
        }

        @Test
        void anObjectiveUnderAnotherPriorityIsRefused() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(),
                            new PriorityAdded(PLAN, "violence", "Violence", List.of(), ON))
                    .when(new DefineIndicator(PLAN, "asb-calls", OBJECTIVE, "violence", "ASB calls", IndicatorUnit.COUNT,
                            Direction.REDUCE, null, TARGET, null, null, null, ON, null))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "priorityId"));
        }

        @Test
        void anotherObjectiveSharesAnIndicatorByLinkingIt() {
            ObjectiveAdded second = new ObjectiveAdded(PLAN, PRIORITY, "asb-2", "Reduce repeat ASB", List.of(), ON);
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), second, indicatorDefined())
                    .when(new LinkIndicator(PLAN, INDICATOR, "asb-2", ON, null))
                    .expectEvents(new IndicatorLinked(PLAN, INDICATOR, "asb-2", ON));
        }

        @Test
        void linkingAgainOrToTheIndicatorsOwnObjectiveChangesNothing() {
            ObjectiveAdded second = new ObjectiveAdded(PLAN, PRIORITY, "asb-2", "Reduce repeat ASB", List.of(), ON);
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), second, indicatorDefined(),
                            new IndicatorLinked(PLAN, INDICATOR, "asb-2", ON))
                    .when(new LinkIndicator(PLAN, INDICATOR, "asb-2", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new LinkIndicator(PLAN, INDICATOR, OBJECTIVE, ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void linkingToAnUnknownObjectiveOrIndicatorIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new LinkIndicator(PLAN, INDICATOR, "no-such", ON, null))
                    .expectException(rejected(RejectionCode.OBJECTIVE_NOT_FOUND, "objectiveId"));
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new LinkIndicator(PLAN, "no-such", OBJECTIVE, ON, null))
                    .expectException(rejected(RejectionCode.INDICATOR_NOT_FOUND, "indicatorId"));
        }

        @Test
        void aReadingForAnUnknownIndicatorIsRejected() {
            fixture.given(planDrafted())
                    .when(new RecordIndicatorReading(PLAN, "no-such", BigDecimal.ONE, "2013/14", null, ON, null))
                    .expectException(rejected(RejectionCode.INDICATOR_NOT_FOUND, "indicatorId"));
        }
    }

    @Nested
    class Members {

        private final LocalDate joined = LocalDate.of(2013, 4, 1);
        private final LocalDate left = LocalDate.of(2014, 9, 30);
        private final PlanMemberRecorded recorded = new PlanMemberRecorded(PLAN, "chair", "Ann Lee",
                "Kettering Borough Council", "Chair", joined, null, joined);

        @Test
        void aMemberIsRecordedFromTheDayTheyJoined() {
            fixture.given(planDrafted())
                    .when(new RecordPlanMember(PLAN, "chair", "Ann Lee", "Kettering Borough Council", "Chair", joined, null, null, null))
                    .expectEvents(recorded);
        }

        @Test
        void theSameDetailsAgainChangeNothing() {
            fixture.given(planDrafted(), recorded)
                    .when(new RecordPlanMember(PLAN, "chair", "Ann Lee", "Kettering Borough Council", "Chair", joined, null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aMemberWhoLeftIsRecordedAgainEffectiveOnTheDayTheyLeft() {
            fixture.given(planDrafted(), recorded)
                    .when(new RecordPlanMember(PLAN, "chair", "Ann Lee", "Kettering Borough Council", "Chair", joined, left, null, null))
                    .expectEvents(new PlanMemberRecorded(PLAN, "chair", "Ann Lee", "Kettering Borough Council", "Chair",
                            joined, left, left));
        }

        @Test
        void anOrganisationAloneIsAMember() {
            fixture.given(planDrafted())
                    .when(new RecordPlanMember(PLAN, "probation", null, "Probation Service", null, null, null, ON, null))
                    .expectEvents(new PlanMemberRecorded(PLAN, "probation", null, "Probation Service", null, null, null, ON));
        }

        @Test
        void aMemberWithNeitherNameNorOrganisationIsRejected() {
            fixture.given(planDrafted())
                    .when(new RecordPlanMember(PLAN, "nobody", " ", null, "Chair", joined, null, null, null))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "name"));
        }

        @Test
        void leavingBeforeJoiningIsRejected() {
            fixture.given(planDrafted())
                    .when(new RecordPlanMember(PLAN, "chair", "Ann Lee", null, null, left, joined, null, null))
                    .expectException(rejected(RejectionCode.END_BEFORE_START, "to"));
        }
    }

    @Nested
    class BoardPacks {

        static final LocalDate HELD_ON = LocalDate.of(2013, 6, 19);
        static final Instant KNOWN_AT = Instant.parse("2013-06-20T09:00:00Z");
        static final Instant ISSUED_AT = Instant.parse("2013-06-20T09:00:05Z");
        static final String SHA = "ab".repeat(32);

        IssueBoardPack issue(String meetingId, LocalDate asAt, String sha) {
            return new IssueBoardPack(PLAN, "meeting-" + meetingId, meetingId, asAt, KNOWN_AT, ISSUED_AT, "manager", sha,
                    7L, "cd".repeat(32), 2, null);
        }

        BoardPackIssued issued() {
            return new BoardPackIssued(PLAN, "meeting-" + MEETING, MEETING, HELD_ON, KNOWN_AT, ISSUED_AT, "manager", SHA,
                    7L, "cd".repeat(32), HELD_ON, 2);
        }

        @Test
        void issuingAMeetingsPackRecordsItsDigestEffectiveOnTheMeetingDay() {
            fixture.given(planDrafted(), boardMeetingRecorded())
                    .when(issue(MEETING, HELD_ON, SHA))
                    .expectEvents(issued());
        }

        @Test
        void issuingTheSamePackAgainChangesNothing() {
            fixture.given(planDrafted(), boardMeetingRecorded(), issued())
                    .when(issue(MEETING, HELD_ON, SHA))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherPackForAMeetingWhosePackWasIssuedIsRejected() {
            fixture.given(planDrafted(), boardMeetingRecorded(), issued())
                    .when(issue(MEETING, HELD_ON, "ef".repeat(32)))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void aPackForAnUnknownMeetingIsRejected() {
            fixture.given(planDrafted())
                    .when(issue(MEETING, HELD_ON, SHA))
                    .expectException(rejected(RejectionCode.BOARD_MEETING_NOT_FOUND, "meetingId"));
        }

        @Test
        void aMeetingsPackIsAsAtTheDayItWasHeld() {
            fixture.given(planDrafted(), boardMeetingRecorded())
                    .when(issue(MEETING, HELD_ON.plusDays(1), SHA))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "asAt"));
        }

        @Test
        void aClosedPlanStillTakesAPackOfWhatTheBoardWasShown() {
            fixture.given(planDrafted(), boardMeetingRecorded(), planClosed())
                    .when(issue(MEETING, HELD_ON, SHA))
                    .expectEvents(issued());
        }
    }

    @Nested
    class BoardMeetingsRefreshAndClosing {

        @Test
        void aBoardMeetingIsEffectiveOnTheDayItWasHeld() {
            fixture.given(planDrafted())
                    .when(recordBoardMeeting())
                    .expectEvents(boardMeetingRecorded());
        }

        @Test
        void recordingTheSameBoardMeetingAgainChangesNothing() {
            fixture.given(planDrafted(), boardMeetingRecorded())
                    .when(recordBoardMeeting())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingABoardMeetingIdForAnotherMeetingIsRejected() {
            fixture.given(planDrafted(), boardMeetingRecorded())
                    .when(new RecordBoardMeeting(PLAN, MEETING, LocalDate.of(2013, 8, 21), "CSP Board, August 2013", null))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void refreshingThePlanRecordsTheStrategicAssessmentNote() {
            fixture.given(planDrafted())
                    .when(new RefreshPlan(PLAN, "Strategic assessment 2014: priorities unchanged", ON, null))
                    .expectEvents(new PlanRefreshed(PLAN, "Strategic assessment 2014: priorities unchanged", ON));
        }

        @Test
        void closingThePlanRecordsWhy() {
            fixture.given(planDrafted())
                    .when(new ClosePlan(PLAN, "superseded by the 2016-2019 plan", ON, null))
                    .expectEvents(planClosed());
        }

        @Test
        void aRefreshWithAnIdCarriesItInTheEvent() {
            fixture.given(planDrafted())
                    .when(new RefreshPlan(PLAN, PLAN + ".r1", "priorities unchanged", ON, null))
                    .expectEvents(new PlanRefreshed(PLAN, PLAN + ".r1", "priorities unchanged", ON));
        }

        @Test
        void repeatingARefreshWithTheSameIdChangesNothing() {
            fixture.given(planDrafted(), new PlanRefreshed(PLAN, PLAN + ".r1", "priorities unchanged", ON))
                    .when(new RefreshPlan(PLAN, PLAN + ".r1", "priorities unchanged", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void repeatingARefreshAfterThePlanClosedChangesNothing() {
            fixture.given(planDrafted(), new PlanRefreshed(PLAN, PLAN + ".r1", "priorities unchanged", ON), planClosed())
                    .when(new RefreshPlan(PLAN, PLAN + ".r1", "priorities unchanged", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingARefreshIdForAnotherNoteIsRejected() {
            fixture.given(planDrafted(), new PlanRefreshed(PLAN, PLAN + ".r1", "priorities unchanged", ON))
                    .when(new RefreshPlan(PLAN, PLAN + ".r1", "violence added as a priority", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void withoutAnIdTheSameRefreshIsRecordedAgain() {
            fixture.given(planDrafted(), new PlanRefreshed(PLAN, "priorities unchanged", ON))
                    .when(new RefreshPlan(PLAN, "priorities unchanged", ON, null))
                    .expectEvents(new PlanRefreshed(PLAN, "priorities unchanged", ON));
        }

        @Test
        void repeatingAClosureWithTheSameIdChangesNothing() {
            fixture.given(planDrafted(), new PlanClosed(PLAN, "close-1", "superseded", ON))
                    .when(new ClosePlan(PLAN, "close-1", "superseded", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAClosureIdForAnotherReasonIsRejected() {
            fixture.given(planDrafted(), new PlanClosed(PLAN, "close-1", "superseded", ON))
                    .when(new ClosePlan(PLAN, "close-1", "partnership dissolved", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void withoutAnIdASecondClosureIsRefusedAsBefore() {
            fixture.given(planDrafted(), new PlanClosed(PLAN, "close-1", "superseded", ON))
                    .when(new ClosePlan(PLAN, "superseded", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.PLAN_CLOSED));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.planledger.command.PlanTest#changesToAClosedPlan")
        void aClosedPlanTakesNoFurtherChanges(String change, Object command) {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), planClosed())
                    .when(command)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.PLAN_CLOSED));
        }
    }

    static Stream<Arguments> changesToAClosedPlan() {
        return Stream.of(
                Arguments.of("AddPriority", new AddPriority(PLAN, "violence", "Violence", List.of(), ON, null)),
                Arguments.of("RevisePriority", new RevisePriority(PLAN, PRIORITY, "ASB", List.of(), null, ON, null)),
                Arguments.of("RetirePriority", new RetirePriority(PLAN, PRIORITY, "plan over", ON, null)),
                Arguments.of("RetireObjective", new RetireObjective(PLAN, OBJECTIVE, "plan over", ON, null)),
                Arguments.of("RetireIndicator", new RetireIndicator(PLAN, INDICATOR, "plan over", ON, null)),
                Arguments.of("CorrectIndicatorReading", new CorrectIndicatorReading(PLAN, INDICATOR, "r1", BigDecimal.ONE,
                        null, null, "revised", ON, null)),
                Arguments.of("AddObjective", new AddObjective(PLAN, "asb-2", PRIORITY, "Another", List.of(), ON, null)),
                Arguments.of("ReviseObjective", new ReviseObjective(PLAN, OBJECTIVE, "Reduce ASB", List.of(), null, ON, null)),
                Arguments.of("DefineIndicator", new DefineIndicator(PLAN, "asb-calls", OBJECTIVE, "ASB calls",
                        IndicatorUnit.COUNT, Direction.REDUCE, null, TARGET, null, null, null, ON, null)),
                Arguments.of("RebaselineIndicator", new RebaselineIndicator(PLAN, INDICATOR, BASELINE, TARGET, null,
                        "refresh", ON, null)),
                Arguments.of("RecordIndicatorReading", new RecordIndicatorReading(PLAN, INDICATOR, BigDecimal.TEN,
                        "2015/16", null, ON, null)),
                Arguments.of("RecordSeriesBreak", new RecordSeriesBreak(PLAN, INDICATOR, ON, "new rules", false, ON, null)),
                Arguments.of("LinkIndicator", new LinkIndicator(PLAN, INDICATOR, "asb-2", ON, null)),
                Arguments.of("RecordPlanMember", new RecordPlanMember(PLAN, "m1", "Ann Lee", null, null, ON, null, null, null)),
                Arguments.of("RecordBoardMeeting", recordBoardMeeting()),
                Arguments.of("RefreshPlan", new RefreshPlan(PLAN, "too late", ON, null)),
                Arguments.of("ClosePlan", new ClosePlan(PLAN, "again", ON, null)),
                Arguments.of("AddAction", addAction()));
    }

    @Nested
    class AddingActions {

        @Test
        void anOngoingActionWithoutDatesLedByAnOrganisationIsAdded() {
            AddAction ongoing = addAction(OBJECTIVE, null, null, List.of(new Lead(null, "Kettering Borough Council", null)));
            ActionAdded added = new ActionAdded(PLAN, OBJECTIVE, ACTION, ongoing.title(), ongoing.outputs(),
                    ongoing.monitoringIndicators(), ongoing.resources(), ongoing.leads(), ongoing.partners(), null, null,
                    ongoing.risks(), ON);
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(ongoing)
                    .expectEvents(new ActionRegistered(PLAN, OBJECTIVE, ACTION, Rules.digest(added), ON), added);
        }

        @Test
        void aLeadWithNeitherNameNorOrganisationIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction(OBJECTIVE, null, null, List.of(new Lead(" ", null, "lead1"))))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "leads[0].name"));
        }

        @Test
        void addingAnActionRegistersItInThePlanAndStartsItsOwnStream() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction())
                    .expectEvents(actionRegistered(), actionAdded());
        }

        @Test
        void theActionIsRegisteredInThePlanStreamButAddedOutsideIt() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction())
                    .expectEventsMatching(appended(
                            appendedTo(Plan.class, PLAN, 3, actionRegistered()),
                            notAppendedTo(Plan.class, actionAdded())));
        }

        @Test
        void anActionUnderAnUnknownObjectiveIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction("no-such", ACTION_START, ACTION_END, List.of(LEAD)))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.OBJECTIVE_NOT_FOUND, "objectiveId"));
        }

        @Test
        void anActionEndingBeforeItStartsIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction(OBJECTIVE, ACTION_END, ACTION_START, List.of(LEAD)))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.END_BEFORE_START, "endDate"));
        }

        @Test
        void anActionWithoutLeadsIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction(OBJECTIVE, ACTION_START, ACTION_END, List.of()))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "leads"));
        }

        @Test
        void aLeadWithNeitherANameNorAnOrganisationIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction(OBJECTIVE, ACTION_START, ACTION_END,
                            List.of(LEAD, new Lead(" ", "", null))))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "leads[1].name"));
        }

        @Test
        void repeatingTheSameActionChangesNothing() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), actionRegistered())
                    .when(addAction())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void retryingAnUndatedActionOnALaterDayChangesNothing() {
            AddAction added = addAction();
            AddAction undated = new AddAction(PLAN, ACTION, OBJECTIVE, added.title(), added.outputs(),
                    added.monitoringIndicators(), added.resources(), added.leads(), added.partners(),
                    added.startDate(), added.endDate(), added.risks(), null, null);

            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), actionRegistered())
                    .andGivenCurrentTime(Instant.parse("2013-05-02T08:00:00Z"))
                    .when(undated)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aMissingLeadIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(addAction(OBJECTIVE, ACTION_START, ACTION_END, Arrays.asList(LEAD, null)))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "leads[1]"));
        }

        @Test
        void reusingAnActionIdForDifferentContentIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), actionRegistered())
                    .when(addAction(OBJECTIVE, ACTION_START, LocalDate.of(2015, 3, 31), List.of(LEAD)))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }
    }

    @Nested
    class Concurrency {

        @Test
        void aCommandMadeAgainstAnOlderVersionIsAConflict() {
            // Version 2 is the objective; the sender last saw version 1 (the priority).
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new RefreshPlan(PLAN, "refresh", ON, 1L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void aCommandMadeAgainstTheCurrentVersionIsAccepted() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new RefreshPlan(PLAN, "refresh", ON, 2L))
                    .expectEvents(new PlanRefreshed(PLAN, "refresh", ON));
        }

        @Test
        void aStaleAddActionIsAConflictAndStartsNoAction() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new AddAction(PLAN, ACTION, OBJECTIVE, "Target hardening", List.of(), List.of(), List.of(),
                            List.of(LEAD), List.of(), ACTION_START, ACTION_END, List.of(), ON, 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }
    }

    @Nested
    class UpdateApproval {

        private LocalDate today() {
            return LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/London"));
        }

        @Test
        void turningApprovalOnIsRecordedOnceAndAnswersThePlansActions() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), actionRegistered())
                    .when(new RequireUpdateApproval(PLAN, true, null))
                    .expectEvents(new UpdateApprovalRequired(PLAN, true, today()))
                    .expectResultMessagePayload(java.util.List.of(ACTION));
            fixture.given(planDrafted(), new UpdateApprovalRequired(PLAN, true, ON))
                    .when(new RequireUpdateApproval(PLAN, true, null))
                    .expectNoEvents();
        }

        @Test
        void anActionAddedToAPlanRequiringApprovalStartsWithIt() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), new UpdateApprovalRequired(PLAN, true, ON))
                    .when(addAction())
                    .expectEvents(actionRegistered(), actionAdded(), new UpdateApprovalSet(PLAN, ACTION, true, ON));
        }
    }

    @Nested
    class FictionLabel {

        private static final String NOTE = "An invented partnership for demonstrations";

        @Test
        void labellingAPlanFictionalIsEffectiveFromTheDayItWasDrafted() {
            fixture.given(planDrafted())
                    .when(new LabelPlanFictional(PLAN, NOTE, null))
                    .expectEvents(new PlanLabelledFictional(PLAN, NOTE, planDrafted().effectiveOn()));
        }

        @Test
        void labellingAgainWithTheSameNoteChangesNothing() {
            fixture.given(planDrafted(), new PlanLabelledFictional(PLAN, NOTE, ON))
                    .when(new LabelPlanFictional(PLAN, NOTE, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherNoteReplacesTheWording() {
            fixture.given(planDrafted(), new PlanLabelledFictional(PLAN, NOTE, ON))
                    .when(new LabelPlanFictional(PLAN, "A training plan", null))
                    .expectEvents(new PlanLabelledFictional(PLAN, "A training plan", planDrafted().effectiveOn()));
        }

        @Test
        void aClosedPlanCanStillBeLabelled() {
            fixture.given(planDrafted(), planClosed())
                    .when(new LabelPlanFictional(PLAN, NOTE, null))
                    .expectEvents(new PlanLabelledFictional(PLAN, NOTE, planDrafted().effectiveOn()));
        }

        @Test
        void aPlanThatWasNeverDraftedCannotBeLabelled() {
            fixture.givenNoPriorActivity()
                    .when(new LabelPlanFictional(PLAN, NOTE, null))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Sharing {

        @Test
        void aPlanDraftedWithoutAPartnershipIdBelongsToTheOneItsNameGives() {
            assertThat(planDrafted().partnershipId()).isEqualTo("kettering-borough");
        }

        @Test
        void aPlanDraftedWithAPartnershipIdKeepsIt() {
            DraftPlan draft = draftPlan();
            fixture.givenNoPriorActivity()
                    .when(new DraftPlan(draft.planId(), draft.partnership(), draft.title(), draft.periodStart(),
                            draft.periodEnd(), draft.cadence(), draft.effectiveOn(), "kettering"))
                    .expectEvents(new PlanDrafted(draft.planId(), draft.partnership(), draft.title(), draft.periodStart(),
                            draft.periodEnd(), draft.cadence(), draft.effectiveOn(), "kettering"));
        }

        @Test
        void sharingAPlanWithAnotherPartnershipIsRecorded() {
            fixture.given(planDrafted())
                    .when(new SharePlan(PLAN, "corby", "joint burglary priority", ON, null))
                    .expectEvents(new PlanShared(PLAN, "corby", "joint burglary priority", ON));
        }

        @Test
        void sharingAgainWhileTheShareStandsChangesNothing() {
            fixture.given(planDrafted(), new PlanShared(PLAN, "corby", null, ON))
                    .when(new SharePlan(PLAN, "corby", null, ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPlanIsNotSharedWithItsOwnPartnership() {
            fixture.given(planDrafted())
                    .when(new SharePlan(PLAN, "kettering-borough", null, ON, null))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class);
        }

        @Test
        void withdrawingAShareIsRecordedAndThePlanCanBeSharedAgain() {
            fixture.given(planDrafted(), new PlanShared(PLAN, "corby", null, ON))
                    .when(new WithdrawPlanShare(PLAN, "corby", "priority ended", ON, null))
                    .expectEvents(new PlanShareWithdrawn(PLAN, "corby", "priority ended", ON));
        }

        @Test
        void aWithdrawnShareMayBeMadeAgain() {
            fixture.given(planDrafted(), new PlanShared(PLAN, "corby", null, ON), new PlanShareWithdrawn(PLAN, "corby", null, ON))
                    .when(new SharePlan(PLAN, "corby", null, ON, null))
                    .expectEvents(new PlanShared(PLAN, "corby", null, ON));
        }

        @Test
        void withdrawingAShareThatDoesNotStandIsRejected() {
            fixture.given(planDrafted())
                    .when(new WithdrawPlanShare(PLAN, "corby", null, ON, null))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class);
        }
    }
}
