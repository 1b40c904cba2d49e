package org.planledger.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.planledger.command.api.*;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.planledger.command.Kettering.*;
import static org.planledger.command.Rejections.rejected;

/**
 * What a refresh and a revised figure bring to the Plan: retiring an objective or an indicator, correcting a
 * published reading, and a priority's focus strands.
 */
class PlanRetirementTest {

    private static final LocalDate REFRESH = LocalDate.of(2014, 4, 1);
    private static final String READING = "asb-perception.2013_14";

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    private static ObjectiveRetired objectiveRetired() {
        return new ObjectiveRetired(PLAN, OBJECTIVE, "dropped at the 2014 refresh", REFRESH);
    }

    private static IndicatorRetired indicatorRetired() {
        return new IndicatorRetired(PLAN, INDICATOR, "survey discontinued", REFRESH);
    }

    private static IndicatorReadingRecorded readingRecorded() {
        return new IndicatorReadingRecorded(PLAN, INDICATOR, READING, new BigDecimal("8.6"), "2013/14", 1000L,
                null, "Police Local Survey", null, LocalDate.of(2014, 3, 31));
    }

    @Nested
    class RetiringObjectives {

        @Test
        void retiringAnObjectiveRecordsWhyAndWhen() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new RetireObjective(PLAN, OBJECTIVE, "dropped at the 2014 refresh", REFRESH, null))
                    .expectEvents(objectiveRetired());
        }

        @Test
        void retiringAnObjectiveNeedsAReason() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new RetireObjective(PLAN, OBJECTIVE, " ", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void anUnknownObjectiveCannotBeRetired() {
            fixture.given(planDrafted(), priorityAdded())
                    .when(new RetireObjective(PLAN, "nope", "why", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.OBJECTIVE_NOT_FOUND, "objectiveId"));
        }

        @Test
        void retiringARetiredObjectiveIsRejected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), objectiveRetired())
                    .when(new RetireObjective(PLAN, OBJECTIVE, "again", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.OBJECTIVE_RETIRED, "objectiveId"));
        }

        @Test
        void aRetiredObjectiveTakesNoNewActions() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), objectiveRetired())
                    .when(addAction())
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.OBJECTIVE_RETIRED, "objectiveId"));
        }

        @Test
        void aRetiredObjectiveTakesNoNewIndicatorsOrLinks() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), objectiveRetired())
                    .when(defineIndicator())
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.OBJECTIVE_RETIRED, "objectiveId"));
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), objectiveRetired(),
                            new IndicatorDefined(PLAN, null, PRIORITY, "asb-calls", "ASB calls", IndicatorUnit.COUNT,
                                    Direction.REDUCE, null, TARGET, null, null, null, ON))
                    .when(new LinkIndicator(PLAN, "asb-calls", OBJECTIVE, REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.OBJECTIVE_RETIRED, "objectiveId"));
        }

        @Test
        void aClosedPlanRetiresNothing() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), planClosed())
                    .when(new RetireObjective(PLAN, OBJECTIVE, "why", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.PLAN_CLOSED));
        }
    }

    @Nested
    class RetiringIndicators {

        @Test
        void retiringAnIndicatorRecordsWhyAndWhen() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RetireIndicator(PLAN, INDICATOR, "survey discontinued", REFRESH, null))
                    .expectEvents(indicatorRetired());
        }

        @Test
        void retiringNeedsAReasonAndALiveIndicator() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new RetireIndicator(PLAN, INDICATOR, "", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), indicatorRetired())
                    .when(new RetireIndicator(PLAN, INDICATOR, "again", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INDICATOR_RETIRED, "indicatorId"));
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded())
                    .when(new RetireIndicator(PLAN, "nope", "why", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INDICATOR_NOT_FOUND, "indicatorId"));
        }

        @Test
        void aRetiredIndicatorStillTakesALateFigureForAPeriodEndedByItsRetirement() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), indicatorRetired())
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, READING, new BigDecimal("8.6"), "2013/14", 1000L,
                            null, "Police Local Survey", null, null, null))
                    .expectEvents(readingRecorded());
        }

        @Test
        void aRetiredIndicatorTakesNoReadingForALaterPeriod() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), indicatorRetired())
                    .when(new RecordIndicatorReading(PLAN, INDICATOR, "later", new BigDecimal("8.1"), "2014/15",
                            null, null, null, null, null, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INDICATOR_RETIRED, "period"));
        }

        @Test
        void aRetiredIndicatorTakesNoNewTarget() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), indicatorRetired())
                    .when(new RebaselineIndicator(PLAN, INDICATOR, null, TARGET, null, "refresh", REFRESH, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INDICATOR_RETIRED, "indicatorId"));
        }
    }

    @Nested
    class CorrectingReadings {

        @Test
        void aCorrectionRecordsTheRevisedFiguresAndWhy() {
            LocalDate correctedOn = LocalDate.of(2014, 7, 1);
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), readingRecorded())
                    .when(new CorrectIndicatorReading(PLAN, INDICATOR, READING, new BigDecimal("9.1"), 1200L,
                            "revised by the survey team", "published figure revised", correctedOn, null))
                    .expectEvents(new IndicatorReadingCorrected(PLAN, INDICATOR, READING, new BigDecimal("9.1"), 1200L,
                            "revised by the survey team", "published figure revised", correctedOn));
        }

        @Test
        void theSameFiguresAgainChangeNothing() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), readingRecorded(),
                            new IndicatorReadingCorrected(PLAN, INDICATOR, READING, new BigDecimal("9.1"), 1200L, null,
                                    "revised", REFRESH))
                    .when(new CorrectIndicatorReading(PLAN, INDICATOR, READING, new BigDecimal("9.10"), 1200L, null,
                            "revised again", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCorrectionNeedsAReason() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), readingRecorded())
                    .when(new CorrectIndicatorReading(PLAN, INDICATOR, READING, new BigDecimal("9.1"), null, null,
                            " ", null, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void anUnknownReadingOrOneOfAnotherIndicatorCannotBeCorrected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined())
                    .when(new CorrectIndicatorReading(PLAN, INDICATOR, "nope", BigDecimal.ONE, null, null, "why", null, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.READING_NOT_FOUND, "readingId"));
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(),
                            new IndicatorDefined(PLAN, OBJECTIVE, null, "other", "Other", IndicatorUnit.COUNT,
                                    Direction.REDUCE, null, TARGET, null, null, null, ON), readingRecorded())
                    .when(new CorrectIndicatorReading(PLAN, "other", READING, BigDecimal.ONE, null, null, "why", null, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.READING_NOT_FOUND, "readingId"));
        }

        @Test
        void aRetiredIndicatorsPastFiguresCanStillBeCorrected() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), readingRecorded(),
                            indicatorRetired())
                    .when(new CorrectIndicatorReading(PLAN, INDICATOR, READING, new BigDecimal("9.1"), 1000L, null,
                            "revised", REFRESH, null))
                    .expectEvents(new IndicatorReadingCorrected(PLAN, INDICATOR, READING, new BigDecimal("9.1"), 1000L,
                            null, "revised", REFRESH));
        }

        @Test
        void aNegativeCostIsRefused() {
            fixture.given(planDrafted(), priorityAdded(), objectiveAdded(), indicatorDefined(), readingRecorded())
                    .when(new CorrectIndicatorReading(PLAN, INDICATOR, READING, BigDecimal.ONE, -1L, null, "why", null, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.NEGATIVE_MONEY, "costPence"));
        }
    }

    @Nested
    class FocusStrands {

        private final List<String> strands = List.of("Domestic abuse", "Alcohol-related violence");

        @Test
        void aPriorityKeepsItsFocusStrands() {
            fixture.given(planDrafted())
                    .when(new AddPriority(PLAN, PRIORITY, "Violence", List.of(), strands, ON, null))
                    .expectEvents(new PriorityAdded(PLAN, PRIORITY, "Violence", List.of(), strands, ON));
        }

        @Test
        void aPriorityWithoutStrandsEqualsOneRecordedBeforeStrandsWereHeld() {
            // an event from before focus existed reads with a null focus; the same add again is a retry
            fixture.given(planDrafted(), new PriorityAdded(PLAN, PRIORITY, "Violence", List.of(), null, ON))
                    .when(new AddPriority(PLAN, PRIORITY, "Violence", List.of(), List.of(), ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRevisionThatLeavesStrandsOutKeepsThemAndAnEmptyListRemovesThem() {
            fixture.given(planDrafted(), new PriorityAdded(PLAN, PRIORITY, "Violence", List.of(), strands, ON))
                    .when(new RevisePriority(PLAN, PRIORITY, "Violent crime", List.of(), null, REFRESH, null))
                    .expectEvents(new PriorityRevised(PLAN, PRIORITY, "Violent crime", List.of(), strands, REFRESH));
            fixture.given(planDrafted(), new PriorityAdded(PLAN, PRIORITY, "Violence", List.of(), strands, ON))
                    .when(new RevisePriority(PLAN, PRIORITY, "Violence", List.of(), List.of(), null, REFRESH, null))
                    .expectEvents(new PriorityRevised(PLAN, PRIORITY, "Violence", List.of(), null, REFRESH));
        }
    }
}
