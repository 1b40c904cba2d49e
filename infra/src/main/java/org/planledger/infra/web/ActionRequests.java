package org.planledger.infra.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.planledger.command.api.Limits;
import org.planledger.events.FinancialYear;
import org.planledger.events.RagStatus;
import org.planledger.command.api.*;
import org.planledger.infra.web.CommandRoute.ClientChosenId;
import org.planledger.infra.web.PlanRequests.LeadBody;
import org.planledger.infra.web.PlanRequests.ReasonRequest;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;
import static org.planledger.infra.web.CommandResponses.created;
import static org.planledger.infra.web.CommandResponses.idOr;
import static org.planledger.infra.web.CommandRoute.answers;
import static org.planledger.infra.web.CommandRoute.changes;
import static org.planledger.infra.web.CommandRoute.createsIn;
import static org.planledger.infra.web.CommandRoute.createsStream;

/**
 * The action and referral endpoints: their routes (each stated once: path, roles, OpenAPI words and
 * the command it sends; {@link CommandRoute}) and their request bodies. Money is in pence, a whole
 * number, never negative; a financial year is written "2013/14"; a progress period is YYYY-MM or
 * YYYY-MM-DD.
 * <p>
 * The schedule, leads, details, funding and the action's status are the plan's structure
 * (PLAN_MANAGER); progress, RAG, referrals, tallies, spend and risks are delivery work (DELIVERY_LEAD
 * on the actions they lead, and PLAN_MANAGER). The lead rule is the command side's (ActionLeadership),
 * checked from the caller named in the command's metadata. Every change may carry {@code If-Match}
 * with the action's (or the case's) version.
 */
public final class ActionRequests {

    private ActionRequests() {
    }

    static final List<CommandRoute<?>> ROUTES = List.of(
            changes("PUT /api/actions/{actionId}/schedule", RescheduleRequest.class, (body, call) -> new RescheduleAction(
                    call.id(), body.startDate(), body.endDate(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Reschedule the action (PLAN_MANAGER)"),
            changes("PUT /api/actions/{actionId}/leads", ChangeLeadsRequest.class, (body, call) -> new ChangeActionLeads(
                    call.id(), LeadBody.toLeads(body.leads()), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Change the action's leads (PLAN_MANAGER)"),
            changes("PUT /api/actions/{actionId}/details", ReviseDetailsRequest.class, (body, call) ->
                    new ReviseActionDetails(call.id(), body.title(), body.outputs(), body.monitoringIndicators(),
                            body.resources(), body.partners(), body.risks(), body.reason(), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER)
                    .summary("Revise the action's text, outputs, indicators, resources, partners and risks (PLAN_MANAGER)"),
            answers("POST /api/actions/{actionId}/progress", ProgressRequest.class, HttpStatus.CREATED,
                    ProgressNoteAccepted.class, (body, call) -> {
                        String noteId = idOr(body.id());
                        Long version = call.send(new RecordProgress(call.id(), noteId, body.period(), body.text(),
                                body.achieved(), body.planned(), body.undated(), call.expectedVersion()), call.id());
                        return created(call.path() + "/" + noteId, version, new ProgressNoteAccepted(noteId, call.id(), version));
                    })
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Record progress: a dated note on the action's current position")
                    .description("Answers 201 with the note's noteId. Refused with 409 on a completed or ceased action."),
            changes("POST /api/actions/{actionId}/progress/{noteId}/corrections", CorrectionRequest.class, (body, call) ->
                    new CorrectProgressNote(call.id(), call.variable("noteId"), body.text(), body.reason(),
                            body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Correct a progress note")
                    .description("The original text stays readable in the history."),
            changes("POST /api/actions/{actionId}/progress/{noteId}/withdrawal", ReasonRequest.class, (body, call) ->
                    new WithdrawProgressNote(call.id(), call.variable("noteId"), body.reason(), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Withdraw a progress note")
                    .description("The note stays readable in the history, marked withdrawn."),
            changes("PUT /api/actions/{actionId}/rag", RagRequest.class, (body, call) -> new AssessRag(call.id(),
                    body.status(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Rate the action Red, Amber or Green")
                    .description("RED and AMBER need a reason."),
            changes("POST /api/actions/{actionId}/submissions/{submissionId}/approval", Void.class, (none, call) ->
                    new ApproveProgress(call.id(), call.variable("submissionId"), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD)
                    .summary("Approve a submitted note or rating (a plan manager, or a lead of the action's priority): it is recorded and reaches the board")
                    .description("Only on a plan that requires approval (docs/reminders-and-approval.md)."),
            changes("POST /api/actions/{actionId}/submissions/{submissionId}/return", ReasonRequest.class, (body, call) ->
                    new ReturnProgress(call.id(), call.variable("submissionId"), body.reason(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD)
                    .summary("Return a submitted note or rating to its lead, with the reason (a plan manager, or a lead of the action's priority)"),
            createsIn("POST /api/actions/{actionId}/funding", FundingRequest.class, (body, call) -> new AllocateFunding(
                    call.id(), call.newId(), body.amountPence(), body.source(), body.financialYear(), body.effectiveOn(),
                    call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Allocate funding to the action (PLAN_MANAGER)"),
            createsIn("POST /api/actions/{actionId}/spend", SpendRequest.class, (body, call) -> new RecordSpend(call.id(),
                    call.newId(), body.amountPence(), body.description(), body.financialYear(), body.effectiveOn(),
                    call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Record spend against the action"),
            createsIn("POST /api/actions/{actionId}/risks", IdentifyRiskRequest.class, (body, call) -> new IdentifyRisk(
                    call.id(), call.newId(), body.description(), body.likelihood(), body.impact(), body.owner(),
                    body.mitigation(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Identify a risk (likelihood and impact 1-5)"),
            changes("PUT /api/actions/{actionId}/risks/{riskId}", ReassessRiskRequest.class, (body, call) ->
                    new ReassessRisk(call.id(), call.variable("riskId"), body.likelihood(), body.impact(), body.owner(),
                            body.mitigation(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Reassess a risk"),
            changes("POST /api/actions/{actionId}/risks/{riskId}/closure", ReasonRequest.class, (body, call) ->
                    new CloseRisk(call.id(), call.variable("riskId"), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Close a risk").description("A reason is required."),
            createsIn("POST /api/actions/{actionId}/referral-tallies", TallyRequest.class, (body, call) ->
                    new TallyReferrals(call.id(), call.newId(), body.from(), body.to(), body.count(), body.totalCostPence(),
                            body.note(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Record a referral tally for a period")
                    .description("For historical figures such as \"65 referrals April 2012 - March 2013, total spend £10,943\"."),
            createsStream("POST /api/actions/{actionId}/referrals", "/api/referrals/", RecordReferralRequest.class,
                    (body, call) -> new RecordReferral(call.id(), call.newId(), body.receivedOn(), body.referringAgency(),
                            body.subjectRef(), body.reason(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Record a referral case into the scheme this action runs")
                    .description("The Location and ETag are the new case's."),
            changes("POST /api/actions/{actionId}/completion", CompleteRequest.class, (body, call) -> new CompleteAction(
                    call.id(), body.note(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Complete the action (PLAN_MANAGER)").bodyOptional(),
            changes("POST /api/actions/{actionId}/cessation", ReasonRequest.class, (body, call) -> new CeaseAction(call.id(),
                    body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Cease the action (PLAN_MANAGER)").description("A reason is required."),
            changes("POST /api/actions/{actionId}/reopening", ReasonRequest.class, (body, call) -> new ReopenAction(
                    call.id(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Reopen a completed or ceased action (PLAN_MANAGER)")
                    .description("A reason is required."));

    /**
     * A referral case after it was recorded: accepted or declined, then closed with an outcome and
     * cost. DELIVERY_LEAD on cases of the actions they lead, and PLAN_MANAGER: the Referral applies
     * the lead rule.
     */
    static final List<CommandRoute<?>> REFERRAL_ROUTES = List.of(
            changes("POST /api/referrals/{referralId}/acceptance", EffectiveOnRequest.class, (body, call) ->
                    new AcceptReferral(call.id(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Accept a received referral").bodyOptional(),
            changes("POST /api/referrals/{referralId}/decline", ReasonRequest.class, (body, call) -> new DeclineReferral(
                    call.id(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Decline a received referral")
                    .description("A reason is required."),
            changes("POST /api/referrals/{referralId}/closure", CloseReferralRequest.class, (body, call) ->
                    new CloseReferral(call.id(), body.outcome(), body.costPence(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER, DELIVERY_LEAD).summary("Close an accepted referral with its outcome and cost"));

    public record RescheduleRequest(
            @NotNull @BusinessDate LocalDate startDate,
            @NotNull @BusinessDate LocalDate endDate,
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record ChangeLeadsRequest(
            @NotEmpty @Size(max = Limits.LIST) List<@NotNull @Valid LeadBody> leads,
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record ReviseDetailsRequest(
            @NotBlank @Size(max = Limits.TEXT) String title,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> outputs,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> monitoringIndicators,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> resources,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> partners,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> risks,
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record ProgressRequest(
            @Schema(description = "Optional client-chosen note id, so a retry is harmless")
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(description = "The period the note speaks for: YYYY-MM or YYYY-MM-DD", example = "2013-06")
            @NotBlank @Size(max = 10) @Pattern(regexp = "\\d{4}-\\d{2}(-\\d{2})?", message = "must be written YYYY-MM or YYYY-MM-DD") String period,
            @Schema(example = "Bid successful, £17.7k awarded by the Police and Crime Commissioner")
            @NotBlank @Size(max = Limits.TEXT) String text,
            @Schema(description = "Optional quantity achieved, as in \"41 of 60\"", example = "41") @PositiveOrZero BigDecimal achieved,
            @Schema(description = "Optional quantity planned, as in \"41 of 60\"", example = "60") @PositiveOrZero BigDecimal planned,
            @Schema(description = "Optional: true when the source gives the text no date; period is then only the month "
                    + "it is filed under") Boolean undated) {
    }

    public record CorrectionRequest(
            @NotBlank @Size(max = Limits.TEXT) String text,
            @Schema(description = "Why the note is corrected; required") @NotBlank @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record RagRequest(
            @NotNull RagStatus status,
            @Schema(description = "Required for RED and AMBER") @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record FundingRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "1770000") @NotNull @PositiveOrZero @Max(Limits.MAX_PENCE) Long amountPence,
            @Schema(example = "Police and Crime Commissioner") @NotBlank @Size(max = Limits.TITLE) String source,
            @Schema(type = "string", example = "2013/14") @NotNull FinancialYear financialYear,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record SpendRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "125000") @NotNull @PositiveOrZero @Max(Limits.MAX_PENCE) Long amountPence,
            @NotBlank @Size(max = Limits.TITLE) String description,
            @Schema(type = "string", example = "2013/14") @NotNull FinancialYear financialYear,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record IdentifyRiskRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @NotBlank @Size(max = Limits.TEXT) String description,
            @NotNull @Min(1) @Max(5) Integer likelihood,
            @NotNull @Min(1) @Max(5) Integer impact,
            @Size(max = Limits.TITLE) String owner,
            @Size(max = Limits.TEXT) String mitigation,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record ReassessRiskRequest(
            @NotNull @Min(1) @Max(5) Integer likelihood,
            @NotNull @Min(1) @Max(5) Integer impact,
            @Size(max = Limits.TITLE) String owner,
            @Size(max = Limits.TEXT) String mitigation,
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record TallyRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "2012-04-01") @NotNull @BusinessDate LocalDate from,
            @Schema(example = "2013-03-31") @NotNull @BusinessDate LocalDate to,
            @Schema(example = "65") @NotNull @PositiveOrZero @Max(10_000_000) Integer count,
            @Schema(example = "1094300", description = "left out when the cost is not known (unknown, not zero)")
            @PositiveOrZero @Max(Limits.MAX_PENCE) Long totalCostPence,
            @Size(max = Limits.TEXT) String note,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record CompleteRequest(
            @Size(max = Limits.TEXT) String note,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record RecordReferralRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "2013-07-02") @NotNull @BusinessDate LocalDate receivedOn,
            @Schema(example = "Northamptonshire Police") @NotBlank @Size(max = Limits.TITLE) String referringAgency,
            @Schema(description = "Pseudonymous reference, never a name; hidden from BOARD and SCRUTINY", example = "KT-2013-041")
            @Size(max = Limits.TITLE) @Pattern(regexp = Limits.SOME_TEXT, message = "must not be blank when given") String subjectRef,
            @Size(max = Limits.TEXT) String reason) implements ClientChosenId {
    }

    public record EffectiveOnRequest(@BusinessDate LocalDate effectiveOn) {
    }

    public record CloseReferralRequest(
            @Schema(example = "Locks fitted; no repeat incident in 6 months") @NotBlank @Size(max = Limits.TITLE) String outcome,
            @Schema(example = "25000") @NotNull @PositiveOrZero @Max(Limits.MAX_PENCE) Long costPence,
            @BusinessDate LocalDate effectiveOn) {
    }
}
