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
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planledger.command.api.*;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.planledger.command.Kettering.*;
import static org.planledger.command.Rejections.rejected;
import static org.planledger.command.Streams.appended;
import static org.planledger.command.Streams.appendedTo;
import static org.planledger.command.Streams.notAppendedTo;

class ActionTest {

    private AggregateTestFixture<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Action.class);
        // the Kettering objective's priority names an organisation and one user of this service
        fixture.registerInjectableResource((PriorityLeads) (planId, objectiveId) -> PLAN.equals(planId)
                && OBJECTIVE.equals(objectiveId) ? java.util.Set.of("Kettering Borough Council", "asb-lead") : java.util.Set.of());
    }

    @Nested
    class Details {

        @Test
        void reschedulingRecordsTheNewDates() {
            fixture.given(actionAdded())
                    .when(new RescheduleAction(ACTION, ACTION_START, LocalDate.of(2015, 3, 31), "extended", ON, null))
                    .expectEvents(new ActionRescheduled(PLAN, ACTION, ACTION_START, LocalDate.of(2015, 3, 31),
                            "extended", ON));
        }

        @Test
        void reschedulingToEndBeforeTheStartIsRejected() {
            fixture.given(actionAdded())
                    .when(new RescheduleAction(ACTION, ACTION_END, ACTION_START, null, ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.END_BEFORE_START, "endDate"));
        }

        @Test
        void changingLeadsRecordsTheNewLeads() {
            fixture.given(actionAdded())
                    .when(new ChangeActionLeads(ACTION, List.of(LEAD, OTHER_LEAD), "joint delivery", ON, null))
                    .expectEvents(new ActionLeadsChanged(PLAN, ACTION, List.of(LEAD, OTHER_LEAD), "joint delivery", ON));
        }

        @Test
        void anActionCannotBeLeftWithoutLeads() {
            fixture.given(actionAdded())
                    .when(new ChangeActionLeads(ACTION, List.of(), null, ON, null))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "leads"));
        }

        @Test
        void everyNewLeadNeedsANameOrAnOrganisation() {
            fixture.given(actionAdded())
                    .when(new ChangeActionLeads(ACTION, List.of(new Lead("", " ", null)), null, ON, null))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "leads[0].name"));
        }

        @Test
        void anOrganisationAloneMayLead() {
            fixture.given(actionAdded())
                    .when(new ChangeActionLeads(ACTION, List.of(new Lead(null, "Kettering Borough Council", null)), null, ON, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void revisingDetailsRecordsTheNewText() {
            fixture.given(actionAdded())
                    .when(new ReviseActionDetails(ACTION, "Target hardening of homes of vulnerable victims",
                            List.of("Homes made secure"), List.of("Referrals"), List.of("SLA"), List.of("Police"),
                            List.of(), "refresh", ON, null))
                    .expectEvents(new ActionDetailsRevised(PLAN, ACTION, "Target hardening of homes of vulnerable victims",
                            List.of("Homes made secure"), List.of("Referrals"), List.of("SLA"), List.of("Police"),
                            List.of(), "refresh", ON));
        }
    }

    @Nested
    class Progress {

        @Test
        void aNoteMayReportAchievedAgainstPlanned() {
            fixture.given(actionAdded())
                    .when(new RecordProgress(ACTION, NOTE, "2013-06", "Homes secured", new BigDecimal("41"),
                            new BigDecimal("60"), null))
                    .expectEvents(new ProgressRecorded(PLAN, ACTION, NOTE, "2013-06", "Homes secured", new BigDecimal("41"),
                            new BigDecimal("60"), LocalDate.of(2013, 6, 1)));
        }

        @Test
        void aMonthlyNoteIsEffectiveFromTheFirstOfItsMonth() {
            fixture.given(actionAdded())
                    .when(recordProgress("2013-06"))
                    .expectEvents(progressRecorded());
        }

        @Test
        void aDatedNoteIsEffectiveOnItsDay() {
            fixture.given(actionAdded())
                    .when(recordProgress("2013-06-14"))
                    .expectEvents(new ProgressRecorded(PLAN, ACTION, NOTE, "2013-06-14", progressRecorded().text(),
                            LocalDate.of(2013, 6, 14)));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "June 2013", "2013-13", "2013-6", "2013-02-30", "0999-01"})
        void aPeriodThatIsNotAMonthOrADayIsRejected(String period) {
            fixture.given(actionAdded())
                    .when(recordProgress(period))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "period"));
        }

        @Test
        void anUndatedNoteSaysSoAndIsFiledUnderItsMonth() {
            fixture.given(actionAdded())
                    .when(new RecordProgress(ACTION, NOTE, "2013-01", "Background the document gives no date for.",
                            null, null, true, null))
                    .expectEvents(new ProgressRecorded(PLAN, ACTION, NOTE, "2013-01",
                            "Background the document gives no date for.", null, null, true, LocalDate.of(2013, 1, 1)));
        }

        @Test
        void aNoteMarkedNotUndatedEqualsOneRecordedBeforeTheFlagExisted() {
            // undated false is stored as null, so the same note sent again with the flag off is a retry
            fixture.given(actionAdded(), progressRecorded())
                    .when(new RecordProgress(ACTION, NOTE, "2013-06",
                            "Funding bid submitted to Police and Crime Commissioner successful. £17.7k awarded.",
                            null, null, false, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void repeatingTheSameNoteChangesNothing() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(recordProgress("2013-06"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingANoteIdForDifferentTextIsRejected() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(new RecordProgress(ACTION, NOTE, "2013-06", "Bid unsuccessful", null))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void correctingANoteKeepsTheOriginalAndRecordsTheNewTextAndWhy() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(new CorrectProgressNote(ACTION, NOTE, "£17.7k awarded for 2013/14", "amount mistyped", ON, null))
                    .expectEvents(new ProgressNoteCorrected(PLAN, ACTION, NOTE, "£17.7k awarded for 2013/14",
                            "amount mistyped", ON));
        }

        @Test
        void correctingANoteNeedsAReason() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(new CorrectProgressNote(ACTION, NOTE, "new text", "", ON, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void correctingAnUnknownNoteIsRejected() {
            fixture.given(actionAdded())
                    .when(new CorrectProgressNote(ACTION, "no-such", "new text", "typo", ON, null))
                    .expectException(rejected(RejectionCode.NOTE_NOT_FOUND, "noteId"));
        }

        @Test
        void correctingAWithdrawnNoteIsRejected() {
            fixture.given(actionAdded(), progressRecorded(), noteWithdrawn())
                    .when(new CorrectProgressNote(ACTION, NOTE, "new text", "typo", ON, null))
                    .expectException(rejected(RejectionCode.NOTE_WITHDRAWN, "noteId"));
        }

        @Test
        void aNoteCanStillBeCorrectedAfterTheActionIsCompleted() {
            fixture.given(actionAdded(), progressRecorded(), actionCompleted())
                    .when(new CorrectProgressNote(ACTION, NOTE, "£17.7k awarded", "amount mistyped", ON, null))
                    .expectEvents(new ProgressNoteCorrected(PLAN, ACTION, NOTE, "£17.7k awarded", "amount mistyped", ON));
        }

        @Test
        void withdrawingANoteRecordsWhy() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(new WithdrawProgressNote(ACTION, NOTE, "entered against the wrong action", ON, null))
                    .expectEvents(noteWithdrawn());
        }

        @Test
        void withdrawingANoteNeedsAReason() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(new WithdrawProgressNote(ACTION, NOTE, null, ON, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void withdrawingAnUnknownNoteIsRejected() {
            fixture.given(actionAdded())
                    .when(new WithdrawProgressNote(ACTION, "no-such", "wrong action", ON, null))
                    .expectException(rejected(RejectionCode.NOTE_NOT_FOUND, "noteId"));
        }

        @Test
        void withdrawingANoteTwiceIsRejected() {
            fixture.given(actionAdded(), progressRecorded(), noteWithdrawn())
                    .when(new WithdrawProgressNote(ACTION, NOTE, "again", ON, null))
                    .expectException(rejected(RejectionCode.NOTE_WITHDRAWN, "noteId"));
        }
    }

    @Nested
    class Rag {

        @Test
        void greenNeedsNoReason() {
            fixture.given(actionAdded())
                    .when(new AssessRag(ACTION, RagStatus.GREEN, null, ON, null))
                    .expectEvents(new RagAssessed(PLAN, ACTION, RagStatus.GREEN, null, ON));
        }

        @Test
        void redWithAReasonIsRecorded() {
            fixture.given(actionAdded())
                    .when(new AssessRag(ACTION, RagStatus.RED, "funding runs out in March", ON, null))
                    .expectEvents(new RagAssessed(PLAN, ACTION, RagStatus.RED, "funding runs out in March", ON));
        }

        @ParameterizedTest
        @ValueSource(strings = {"RED", "AMBER"})
        void redAndAmberNeedAReason(RagStatus rag) {
            fixture.given(actionAdded())
                    .when(new AssessRag(ACTION, rag, "  ", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                            rag == RagStatus.AMBER ? "for an AMBER rating" : "for a RED rating"));
        }

        @Test
        void aRatingNeedsAStatus() {
            fixture.given(actionAdded())
                    .when(new AssessRag(ACTION, null, "no idea", ON, null))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "rag"));
        }

        @Test
        void aRatingWithoutEffectiveDateIsEffectiveTodayInLondon() {
            fixture.given(actionAdded())
                    .andGivenCurrentTime(Instant.parse("2013-06-30T23:30:00Z"))
                    .when(new AssessRag(ACTION, RagStatus.GREEN, null, null, null))
                    .expectEvents(new RagAssessed(PLAN, ACTION, RagStatus.GREEN, null, LocalDate.of(2013, 7, 1)));
        }
    }

    @Nested
    class Money {

        @Test
        void allocatingFundingRecordsSourceAndFinancialYear() {
            fixture.given(actionAdded())
                    .when(allocateFunding(1_770_000))
                    .expectEvents(fundingAllocated());
        }

        @Test
        void negativeFundingIsRejected() {
            fixture.given(actionAdded())
                    .when(allocateFunding(-1))
                    .expectException(rejected(RejectionCode.NEGATIVE_MONEY, "amountPence"));
        }

        @Test
        void repeatingTheSameFundingChangesNothing() {
            fixture.given(actionAdded(), fundingAllocated())
                    .when(allocateFunding(1_770_000))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void retryingUndatedFundingOnALaterDayChangesNothing() {
            fixture.given(actionAdded(), fundingAllocated())
                    .andGivenCurrentTime(Instant.parse("2013-05-02T08:00:00Z"))
                    .when(new AllocateFunding(ACTION, FUNDING, 1_770_000, "Police and Crime Commissioner", FY_2013,
                            null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAFundingIdForAnotherAmountIsRejected() {
            fixture.given(actionAdded(), fundingAllocated())
                    .when(allocateFunding(1_100_000))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void recordingSpendRecordsAmountAndFinancialYear() {
            fixture.given(actionAdded())
                    .when(recordSpend(312_50))
                    .expectEvents(spendRecorded());
        }

        @Test
        void negativeSpendIsRejected() {
            fixture.given(actionAdded())
                    .when(recordSpend(-312_50))
                    .expectException(rejected(RejectionCode.NEGATIVE_MONEY, "amountPence"));
        }

        @Test
        void repeatingTheSameSpendChangesNothing() {
            fixture.given(actionAdded(), spendRecorded())
                    .when(recordSpend(312_50))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingASpendIdForAnotherAmountIsRejected() {
            fixture.given(actionAdded(), spendRecorded())
                    .when(recordSpend(999))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }
    }

    @Nested
    class Risks {

        @Test
        void identifyingARiskRecordsItsScores() {
            fixture.given(actionAdded())
                    .when(identifyRisk(4, 3))
                    .expectEvents(riskIdentified());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 6})
        void likelihoodIsScoredOneToFive(int likelihood) {
            fixture.given(actionAdded())
                    .when(identifyRisk(likelihood, 3))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "likelihood"));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 6})
        void impactIsScoredOneToFive(int impact) {
            fixture.given(actionAdded())
                    .when(identifyRisk(3, impact))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "impact"));
        }

        @Test
        void repeatingTheSameRiskChangesNothing() {
            fixture.given(actionAdded(), riskIdentified())
                    .when(identifyRisk(4, 3))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingARiskIdForAnotherRiskIsRejected() {
            fixture.given(actionAdded(), riskIdentified())
                    .when(identifyRisk(1, 1))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void reassessingARiskRecordsTheNewScores() {
            fixture.given(actionAdded(), riskIdentified())
                    .when(new ReassessRisk(ACTION, RISK, 2, 3, "John Kinloch", "PCC bid successful", "bid won", ON, null))
                    .expectEvents(new RiskReassessed(PLAN, ACTION, RISK, 2, 3, "John Kinloch", "PCC bid successful",
                            "bid won", ON));
        }

        @Test
        void reassessingWithAScoreOutOfRangeIsRejected() {
            fixture.given(actionAdded(), riskIdentified())
                    .when(new ReassessRisk(ACTION, RISK, 2, 9, null, null, null, ON, null))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "impact"));
        }

        @Test
        void reassessingAnUnknownRiskIsRejected() {
            fixture.given(actionAdded())
                    .when(new ReassessRisk(ACTION, "no-such", 2, 3, null, null, null, ON, null))
                    .expectException(rejected(RejectionCode.RISK_NOT_FOUND, "riskId"));
        }

        @Test
        void closingARiskRecordsWhy() {
            fixture.given(actionAdded(), riskIdentified())
                    .when(new CloseRisk(ACTION, RISK, "funding secured", ON, null))
                    .expectEvents(riskClosed());
        }

        @Test
        void closingARiskNeedsAReason() {
            fixture.given(actionAdded(), riskIdentified())
                    .when(new CloseRisk(ACTION, RISK, "", ON, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void aClosedRiskCannotBeReassessed() {
            fixture.given(actionAdded(), riskIdentified(), riskClosed())
                    .when(new ReassessRisk(ACTION, RISK, 5, 5, null, null, "back again", ON, null))
                    .expectException(rejected(RejectionCode.RISK_CLOSED, "riskId"));
        }

        @Test
        void aClosedRiskCannotBeClosedAgain() {
            fixture.given(actionAdded(), riskIdentified(), riskClosed())
                    .when(new CloseRisk(ACTION, RISK, "again", ON, null))
                    .expectException(rejected(RejectionCode.RISK_CLOSED, "riskId"));
        }
    }

    @Nested
    class ReferralTallies {

        @Test
        void aTallyIsEffectiveAtTheEndOfThePeriodItCounts() {
            fixture.given(actionAdded())
                    .when(tallyReferrals(TALLY_FROM, TALLY_TO, 65, 1_094_300))
                    .expectEvents(referralsTallied());
        }

        @Test
        void aTallyWithAnEffectiveDateKeepsIt() {
            fixture.given(actionAdded())
                    .when(new TallyReferrals(ACTION, TALLY, TALLY_FROM, TALLY_TO, 65, 1_094_300L,
                            "as reported in the 2013 plan", ON, null))
                    .expectEvents(new ReferralsTallied(PLAN, ACTION, TALLY, TALLY_FROM, TALLY_TO, 65, 1_094_300,
                            "as reported in the 2013 plan", ON));
        }

        @Test
        void aNegativeCountIsRejected() {
            fixture.given(actionAdded())
                    .when(tallyReferrals(TALLY_FROM, TALLY_TO, -1, 0))
                    .expectException(rejected(RejectionCode.INVALID_VALUE, "count"));
        }

        @Test
        void aNegativeTotalCostIsRejected() {
            fixture.given(actionAdded())
                    .when(tallyReferrals(TALLY_FROM, TALLY_TO, 65, -1))
                    .expectException(rejected(RejectionCode.NEGATIVE_MONEY, "totalCostPence"));
        }

        @Test
        void aPeriodEndingBeforeItStartsIsRejected() {
            fixture.given(actionAdded())
                    .when(tallyReferrals(TALLY_TO, TALLY_FROM, 65, 1_094_300))
                    .expectException(rejected(RejectionCode.END_BEFORE_START, "periodTo"));
        }

        @Test
        void aTallyWithoutACostKeepsItUnknown() {
            fixture.given(actionAdded())
                    .when(new TallyReferrals(ACTION, TALLY, TALLY_FROM, TALLY_TO, 65, null, "count only", null, null))
                    .expectEvents(new ReferralsTallied(PLAN, ACTION, TALLY, TALLY_FROM, TALLY_TO, 65, (Long) null,
                            "count only", TALLY_TO));
        }

        @Test
        void repeatingTheSameTallyChangesNothing() {
            fixture.given(actionAdded(), referralsTallied())
                    .when(tallyReferrals(TALLY_FROM, TALLY_TO, 65, 1_094_300))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingATallyIdForAnotherFigureIsRejected() {
            fixture.given(actionAdded(), referralsTallied())
                    .when(tallyReferrals(TALLY_FROM, TALLY_TO, 66, 1_094_300))
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }
    }

    @Nested
    class Referrals {

        @Test
        void recordingAReferralRegistersItOnTheActionAndStartsTheCase() {
            fixture.given(actionAdded())
                    .when(recordReferral())
                    .expectEvents(referralRegistered(), referralRecorded());
        }

        @Test
        void theCaseIsRegisteredInTheActionStreamButRecordedOutsideIt() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(recordReferral())
                    .expectEventsMatching(appended(
                            appendedTo(Action.class, ACTION, 2, referralRegistered()),
                            notAppendedTo(Action.class, referralRecorded())));
        }

        @Test
        void aReferralToAnUnknownActionFindsNoAction() {
            fixture.givenNoPriorActivity()
                    .when(recordReferral())
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void repeatingTheSameReferralChangesNothing() {
            fixture.given(actionAdded(), referralRegistered())
                    .when(recordReferral())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAReferralIdForAnotherCaseIsRejected() {
            fixture.given(actionAdded(), referralRegistered())
                    .when(new RecordReferral(ACTION, REFERRAL, RECEIVED_ON, "Women's Aid", "KBC-HH-0999", null, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }
    }

    /** Ratings, completions, cessations and reopenings with a client-chosen id: a retry is recognised. */
    @Nested
    class ClientChosenIds {

        private static final String ID = ACTION + ".r1";

        private RagAssessed amber() {
            return new RagAssessed(PLAN, ACTION, ID, RagStatus.AMBER, "funding ends in March", ON);
        }

        @Test
        void aRatingWithAnIdCarriesItInTheEvent() {
            fixture.given(actionAdded())
                    .when(new AssessRag(ACTION, ID, RagStatus.AMBER, "funding ends in March", ON, null))
                    .expectEvents(amber());
        }

        @Test
        void repeatingARatingWithTheSameIdChangesNothing() {
            fixture.given(actionAdded(), amber())
                    .when(new AssessRag(ACTION, ID, RagStatus.AMBER, "funding ends in March", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void repeatingARatingAfterTheActionClosedChangesNothing() {
            // A re-import sends the ratings of an action whose closure it has already recorded.
            fixture.given(actionAdded(), amber(), actionCompleted())
                    .when(new AssessRag(ACTION, ID, RagStatus.AMBER, "funding ends in March", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void retryingAnUndatedRatingOnALaterDayChangesNothing() {
            fixture.given(actionAdded(), amber())
                    .andGivenCurrentTime(Instant.parse("2013-09-02T08:00:00Z"))
                    .when(new AssessRag(ACTION, ID, RagStatus.AMBER, "funding ends in March", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingARatingIdForAnotherStatusIsRejected() {
            fixture.given(actionAdded(), amber())
                    .when(new AssessRag(ACTION, ID, RagStatus.GREEN, null, ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void withoutAnIdTheSameRatingIsRecordedAgain() {
            fixture.given(actionAdded(), new RagAssessed(PLAN, ACTION, RagStatus.GREEN, null, ON))
                    .when(new AssessRag(ACTION, RagStatus.GREEN, null, ON, null))
                    .expectEvents(new RagAssessed(PLAN, ACTION, RagStatus.GREEN, null, ON));
        }

        @Test
        void repeatingACompletionWithTheSameIdChangesNothing() {
            fixture.given(actionAdded(), new ActionCompleted(PLAN, ACTION, "c1", "SLA renewed", ON))
                    .when(new CompleteAction(ACTION, "c1", "SLA renewed", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingACompletionIdForAnotherNoteIsRejected() {
            fixture.given(actionAdded(), new ActionCompleted(PLAN, ACTION, "c1", "SLA renewed", ON))
                    .when(new CompleteAction(ACTION, "c1", "SLA not renewed", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void withoutAnIdASecondCompletionIsRefusedAsBefore() {
            fixture.given(actionAdded(), new ActionCompleted(PLAN, ACTION, "c1", "SLA renewed", ON))
                    .when(new CompleteAction(ACTION, "SLA renewed", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.ACTION_NOT_OPEN));
        }

        @Test
        void aCessationWithAnIdCarriesIt() {
            fixture.given(actionAdded())
                    .when(new CeaseAction(ACTION, "c1", "no longer operating", ON, null))
                    .expectEvents(new ActionCeased(PLAN, ACTION, "c1", "no longer operating", ON));
        }

        @Test
        void repeatingACessationWithTheSameIdChangesNothing() {
            fixture.given(actionAdded(), new ActionCeased(PLAN, ACTION, "c1", "no longer operating", ON))
                    .when(new CeaseAction(ACTION, "c1", "no longer operating", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingACessationIdForAnotherDateIsRejected() {
            fixture.given(actionAdded(), new ActionCeased(PLAN, ACTION, "c1", "no longer operating", ON))
                    .when(new CeaseAction(ACTION, "c1", "no longer operating", ON.plusDays(1), null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void aCessationIdIsNotACompletionId() {
            // Each kind has its own ids, as notes and funding do: "c1" ceased says nothing about completing.
            fixture.given(actionAdded(), new ActionCeased(PLAN, ACTION, "c1", "no longer operating", ON))
                    .when(new CompleteAction(ACTION, "c1", "done", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.ACTION_NOT_OPEN));
        }

        @Test
        void repeatingAReopeningWithTheSameIdChangesNothing() {
            fixture.given(actionAdded(), actionCompleted(), new ActionReopened(PLAN, ACTION, "o1", "funding renewed", ON))
                    .when(new ReopenAction(ACTION, "o1", "funding renewed", ON, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reusingAReopeningIdForAnotherReasonIsRejected() {
            fixture.given(actionAdded(), actionCompleted(), new ActionReopened(PLAN, ACTION, "o1", "funding renewed", ON))
                    .when(new ReopenAction(ACTION, "o1", "new lead found", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void withoutAnIdAReopeningOfAnOpenActionIsRefusedAsBefore() {
            fixture.given(actionAdded(), actionCompleted(), new ActionReopened(PLAN, ACTION, "o1", "funding renewed", ON))
                    .when(new ReopenAction(ACTION, "funding renewed", ON, null))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.ACTION_ALREADY_OPEN));
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void completingAnActionRecordsTheClosingNote() {
            fixture.given(actionAdded())
                    .when(new CompleteAction(ACTION, "SLA renewed as business as usual", ON, null))
                    .expectEvents(actionCompleted());
        }

        @Test
        void ceasingAnActionRecordsWhy() {
            fixture.given(actionAdded())
                    .when(new CeaseAction(ACTION, "no longer operating owing to costs", ON, null))
                    .expectEvents(actionCeased());
        }

        @Test
        void ceasingAnActionNeedsAReason() {
            fixture.given(actionAdded())
                    .when(new CeaseAction(ACTION, " ", ON, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void reopeningACompletedActionRecordsWhy() {
            fixture.given(actionAdded(), actionCompleted())
                    .when(new ReopenAction(ACTION, "funding renewed", ON, null))
                    .expectEvents(new ActionReopened(PLAN, ACTION, "funding renewed", ON));
        }

        @Test
        void reopeningACeasedActionRecordsWhy() {
            fixture.given(actionAdded(), actionCeased())
                    .when(new ReopenAction(ACTION, "NHS funding found", ON, null))
                    .expectEvents(new ActionReopened(PLAN, ACTION, "NHS funding found", ON));
        }

        @Test
        void reopeningNeedsAReason() {
            fixture.given(actionAdded(), actionCompleted())
                    .when(new ReopenAction(ACTION, null, ON, null))
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void anOpenActionCannotBeReopened() {
            fixture.given(actionAdded())
                    .when(new ReopenAction(ACTION, "just in case", ON, null))
                    .expectException(rejected(RejectionCode.ACTION_ALREADY_OPEN));
        }

        @Test
        void aReopenedActionTakesProgressAgain() {
            fixture.given(actionAdded(), actionCompleted(),
                            new ActionReopened(PLAN, ACTION, "funding renewed", ON))
                    .when(recordProgress("2013-06"))
                    .expectEvents(progressRecorded());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.planledger.command.ActionTest#changesToAClosedAction")
        void aCompletedActionRefuses(String change, Object command) {
            fixture.given(actionAdded(), actionCompleted())
                    .when(command)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.ACTION_NOT_OPEN));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.planledger.command.ActionTest#changesToAClosedAction")
        void aCeasedActionRefuses(String change, Object command) {
            fixture.given(actionAdded(), actionCeased())
                    .when(command)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.ACTION_NOT_OPEN));
        }
    }

    static Stream<Arguments> changesToAClosedAction() {
        return Stream.of(
                        recordProgress("2013-06"),
                        new AssessRag(ACTION, RagStatus.GREEN, null, ON, null),
                        recordReferral(),
                        recordSpend(312_50),
                        allocateFunding(1_770_000),
                        tallyReferrals(TALLY_FROM, TALLY_TO, 65, 1_094_300),
                        identifyRisk(4, 3),
                        new RescheduleAction(ACTION, ACTION_START, ACTION_END, null, ON, null),
                        new ChangeActionLeads(ACTION, List.of(OTHER_LEAD), null, ON, null),
                        new ReviseActionDetails(ACTION, "New title", null, null, null, null, null, null, ON, null),
                        new CompleteAction(ACTION, null, ON, null),
                        new CeaseAction(ACTION, "stopped", ON, null))
                .map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    @Nested
    class Approval {

        private final java.util.Map<String, Object> lead = java.util.Map.of(AuditMetadata.ACTOR, "jkinloch",
                AuditMetadata.ACTOR_ROLES, "DELIVERY_LEAD");
        private final java.util.Map<String, Object> manager = java.util.Map.of(AuditMetadata.ACTOR, "manager",
                AuditMetadata.ACTOR_ROLES, "PLAN_MANAGER");
        private final UpdateApprovalSet approvalOn = new UpdateApprovalSet(PLAN, ACTION, true, ON);

        private LocalDate today() {
            return LocalDate.ofInstant(fixture.currentTime(), java.time.ZoneId.of("Europe/London"));
        }

        private ProgressSubmitted noteSubmitted() {
            return new ProgressSubmitted(PLAN, ACTION, NOTE, "2013-06", progressRecorded().text(), null, null, null, null,
                    "jkinloch", LocalDate.of(2013, 6, 1));
        }

        @Test
        void withApprovalOnALeadsNoteIsSubmittedNotRecorded() {
            fixture.given(actionAdded(), approvalOn)
                    .when(recordProgress("2013-06"), lead)
                    .expectEvents(noteSubmitted());
        }

        @Test
        void withApprovalOnALeadsRatingIsSubmittedAndStillNeedsItsReason() {
            fixture.given(actionAdded(), approvalOn)
                    .when(new AssessRag(ACTION, RagStatus.AMBER, "Funding late", ON, null), lead)
                    .expectEvents(new ProgressSubmitted(PLAN, ACTION, "rag-1", null, null, null, null, RagStatus.AMBER,
                            "Funding late", "jkinloch", ON));
            fixture.given(actionAdded(), approvalOn)
                    .when(new AssessRag(ACTION, RagStatus.RED, null, ON, null), lead)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void aManagersOwnNoteAndPlansWithoutApprovalAreRecordedAsBefore() {
            fixture.given(actionAdded(), approvalOn)
                    .when(recordProgress("2013-06"), manager)
                    .expectEvents(progressRecorded());
            fixture.given(actionAdded())
                    .when(recordProgress("2013-06"), lead)
                    .expectEvents(progressRecorded());
        }

        @Test
        void approvingRecordsTheApprovalThenTheNote() {
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ApproveProgress(ACTION, NOTE, null), manager)
                    .expectEvents(new ProgressApproved(PLAN, ACTION, NOTE, "jkinloch", today()), progressRecorded());
        }

        @Test
        void approvingARatingRecordsTheRating() {
            ProgressSubmitted rating = new ProgressSubmitted(PLAN, ACTION, "rag-1", null, null, null, null, RagStatus.AMBER,
                    "Funding late", "jkinloch", ON);
            fixture.given(actionAdded(), approvalOn, rating)
                    .when(new ApproveProgress(ACTION, "rag-1", null), manager)
                    .expectEvents(new ProgressApproved(PLAN, ACTION, "rag-1", "jkinloch", today()),
                            new RagAssessed(PLAN, ACTION, "rag-1", RagStatus.AMBER, "Funding late", ON));
        }

        @Test
        void returningNeedsAReasonAndRecordsIt() {
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ReturnProgress(ACTION, NOTE, "Say which homes", null), manager)
                    .expectEvents(new ProgressReturned(PLAN, ACTION, NOTE, "Say which homes", today()));
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ReturnProgress(ACTION, NOTE, " ", null), manager)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
        }

        @Test
        void theActionsOwnLeadCannotApproveAndOnlyAPendingUpdateIsDecided() {
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ApproveProgress(ACTION, NOTE, null), lead)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.NOT_APPROVER));
            fixture.given(actionAdded(), approvalOn, noteSubmitted(),
                            new ProgressReturned(PLAN, ACTION, NOTE, "Say which homes", ON))
                    .when(new ApproveProgress(ACTION, NOTE, null), manager)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.SUBMISSION_NOT_PENDING));
            fixture.given(actionAdded(), approvalOn)
                    .when(new ApproveProgress(ACTION, "nothing", null), manager)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.SUBMISSION_NOT_FOUND));
        }

        @Test
        void aLeadOfTheActionsPriorityApprovesOrReturnsUpdatesOnItButNotTheirOwn() {
            java.util.Map<String, Object> priorityLead = java.util.Map.of(AuditMetadata.ACTOR, "asb-lead",
                    AuditMetadata.ACTOR_ROLES, "DELIVERY_LEAD");
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ApproveProgress(ACTION, NOTE, null), priorityLead)
                    .expectEvents(new ProgressApproved(PLAN, ACTION, NOTE, "jkinloch", today()), progressRecorded());
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ReturnProgress(ACTION, NOTE, "Say which homes", null), priorityLead)
                    .expectEvents(new ProgressReturned(PLAN, ACTION, NOTE, "Say which homes", today()));
            // the priority's lead submitted this one: someone else signs it off
            ProgressSubmitted own = new ProgressSubmitted(PLAN, ACTION, "rag-1", null, null, null, null, RagStatus.AMBER,
                    "Funding late", "asb-lead", ON);
            fixture.given(actionAdded(), approvalOn, own)
                    .when(new ApproveProgress(ACTION, "rag-1", null), priorityLead)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.NOT_APPROVER));
        }

        @Test
        void aLeadOfAnotherPriorityOrSomeoneWithoutTheLeadRoleCannotDecide() {
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ApproveProgress(ACTION, NOTE, null), java.util.Map.of(AuditMetadata.ACTOR, "violence-lead",
                            AuditMetadata.ACTOR_ROLES, "DELIVERY_LEAD"))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.NOT_APPROVER));
            // named on the priority, but signed in as the board: reading is all the board does
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(new ReturnProgress(ACTION, NOTE, "No", null), java.util.Map.of(AuditMetadata.ACTOR, "asb-lead",
                            AuditMetadata.ACTOR_ROLES, "BOARD"))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.NOT_APPROVER));
        }

        @Test
        void aSubmissionIdIsNeverReusedButARetryIsHarmless() {
            fixture.given(actionAdded(), approvalOn, noteSubmitted())
                    .when(recordProgress("2013-06"), lead)
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
            fixture.given(actionAdded(), approvalOn, noteSubmitted(),
                            new ProgressReturned(PLAN, ACTION, NOTE, "Say which homes", ON))
                    .when(recordProgress("2013-06"), lead)
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.DUPLICATE_ID, "id"));
        }

        @Test
        void theSettingIsRecordedOnlyWhenItChanges() {
            fixture.given(actionAdded())
                    .when(new SetUpdateApproval(ACTION, true))
                    .expectEvents(new UpdateApprovalSet(PLAN, ACTION, true, today()));
            fixture.given(actionAdded(), approvalOn)
                    .when(new SetUpdateApproval(ACTION, true))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reminders {

        private static final LocalDate DUE = LocalDate.of(2013, 9, 1);
        private static final Instant SENT = Instant.parse("2013-09-02T07:00:00Z");

        @Test
        void aReminderIsRecordedOnceAndAnswersThatItWasNew() {
            fixture.given(actionAdded())
                    .when(new RecordUpdateReminder(ACTION, DUE, "lead1", false, SENT))
                    .expectEvents(new UpdateReminderSent(PLAN, ACTION, DUE, "lead1", false, SENT, LocalDate.of(2013, 9, 2)))
                    .expectResultMessagePayload(true);
        }

        @Test
        void theSameReminderAgainRecordsNothingAndAnswersFalse() {
            fixture.given(actionAdded(), new UpdateReminderSent(PLAN, ACTION, DUE, "lead1", false, SENT, LocalDate.of(2013, 9, 2)))
                    .when(new RecordUpdateReminder(ACTION, DUE, "lead1", false, SENT.plusSeconds(86_400)))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void anEscalationAnotherRecipientOrTheNextCycleIsANewReminder() {
            UpdateReminderSent sent = new UpdateReminderSent(PLAN, ACTION, DUE, "lead1", false, SENT, LocalDate.of(2013, 9, 2));
            fixture.given(actionAdded(), sent)
                    .when(new RecordUpdateReminder(ACTION, DUE, "lead1", true, SENT))
                    .expectEvents(new UpdateReminderSent(PLAN, ACTION, DUE, "lead1", true, SENT, LocalDate.of(2013, 9, 2)));
            fixture.given(actionAdded(), sent)
                    .when(new RecordUpdateReminder(ACTION, DUE, "lead2", false, SENT))
                    .expectEvents(new UpdateReminderSent(PLAN, ACTION, DUE, "lead2", false, SENT, LocalDate.of(2013, 9, 2)));
            fixture.given(actionAdded(), sent)
                    .when(new RecordUpdateReminder(ACTION, DUE.plusMonths(3), "lead1", false, SENT))
                    .expectEvents(new UpdateReminderSent(PLAN, ACTION, DUE.plusMonths(3), "lead1", false, SENT, LocalDate.of(2013, 9, 2)));
        }

        @Test
        void aClosedActionIsNotReminded() {
            fixture.given(actionAdded(), actionCompleted())
                    .when(new RecordUpdateReminder(ACTION, DUE, "lead1", false, SENT))
                    .expectNoEvents()
                    .expectException(rejected(RejectionCode.ACTION_NOT_OPEN));
        }
    }

    @Nested
    class Concurrency {

        @Test
        void aCommandMadeAgainstAnOlderVersionIsAConflict() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(new AssessRag(ACTION, RagStatus.GREEN, null, ON, 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void aCommandMadeAgainstTheCurrentVersionIsAccepted() {
            fixture.given(actionAdded(), progressRecorded())
                    .when(new AssessRag(ACTION, RagStatus.GREEN, null, ON, 1L))
                    .expectEvents(new RagAssessed(PLAN, ACTION, RagStatus.GREEN, null, ON));
        }
    }
}
