package org.planledger.infra.web;

import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.config.ConditionalOnCommandSide;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.planledger.command.api.*;
import org.planledger.infra.web.ActionRequests.*;
import org.planledger.infra.web.PlanRequests.LeadBody;
import org.planledger.infra.web.PlanRequests.ReasonRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;
import static org.planledger.infra.web.CommandResponses.created;
import static org.planledger.infra.web.CommandResponses.idOr;

/**
 * Everything done to one action. The schedule, leads, details, funding and the action's status
 * are the plan's structure (PLAN_MANAGER); progress, RAG, referrals, tallies, spend and risks are
 * delivery work (DELIVERY_LEAD on the actions they lead, and PLAN_MANAGER). The lead rule is
 * checked by the Action itself from the caller named in the command's metadata.
 * Every change may carry {@code If-Match} with the action's version.
 */
@RestController
@ConditionalOnCommandSide
@RequestMapping("/api/actions/{actionId}")
@Tag(name = "Actions", description = "Changing an action: structure (PLAN_MANAGER) and delivery (DELIVERY_LEAD on their own actions, PLAN_MANAGER)")
public class ActionCommandsController extends CommandEndpoints {

    public ActionCommandsController(CallerCommands commands) {
        super(commands, "action");
    }

    @PutMapping("/schedule")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Reschedule the action (PLAN_MANAGER)")
    public ResponseEntity<Accepted> reschedule(@PathVariable String actionId, @Valid @RequestBody RescheduleRequest body,
                                               Change change) {
        return changed(actionId, actionId, new RescheduleAction(actionId, body.startDate(), body.endDate(), body.reason(),
                body.effectiveOn(), change.expectedVersion()), change.reason(body.reason()));
    }

    @PutMapping("/leads")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Change the action's leads (PLAN_MANAGER)")
    public ResponseEntity<Accepted> changeLeads(@PathVariable String actionId, @Valid @RequestBody ChangeLeadsRequest body,
                                                Change change) {
        return changed(actionId, actionId, new ChangeActionLeads(actionId, LeadBody.toLeads(body.leads()), body.reason(),
                body.effectiveOn(), change.expectedVersion()), change.reason(body.reason()));
    }

    @PutMapping("/details")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Revise the action's text, outputs, indicators, resources, partners and risks (PLAN_MANAGER)")
    public ResponseEntity<Accepted> reviseDetails(@PathVariable String actionId, @Valid @RequestBody ReviseDetailsRequest body,
                                                  Change change) {
        return changed(actionId, actionId, new ReviseActionDetails(actionId, body.title(), body.outputs(),
                body.monitoringIndicators(), body.resources(), body.partners(), body.risks(), body.reason(),
                body.effectiveOn(), change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/progress")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record progress: a dated note on the action's current position",
            description = "Answers 201 with the note's noteId. Refused with 409 on a completed or ceased action.")
    public ResponseEntity<ProgressNoteAccepted> recordProgress(
            @PathVariable String actionId, @Valid @RequestBody ProgressRequest body, Change change) {
        String noteId = idOr(body.id());
        Long version = send(new RecordProgress(actionId, noteId, body.period(), body.text(), body.achieved(),
                body.planned(), body.undated(), change.expectedVersion()), actionId, change.reason());
        return created("/api/actions/" + actionId + "/progress/" + noteId, version,
                new ProgressNoteAccepted(noteId, actionId, version));
    }

    @PostMapping("/progress/{noteId}/corrections")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Correct a progress note", description = "The original text stays readable in the history.")
    public ResponseEntity<Accepted> correctNote(@PathVariable String actionId, @PathVariable String noteId,
                                                @Valid @RequestBody CorrectionRequest body, Change change) {
        return changed(noteId, actionId, new CorrectProgressNote(actionId, noteId, body.text(), body.reason(),
                body.effectiveOn(), change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/progress/{noteId}/withdrawal")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Withdraw a progress note", description = "The note stays readable in the history, marked withdrawn.")
    public ResponseEntity<Accepted> withdrawNote(@PathVariable String actionId, @PathVariable String noteId,
                                                 @Valid @RequestBody ReasonRequest body, Change change) {
        return changed(noteId, actionId, new WithdrawProgressNote(actionId, noteId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PutMapping("/rag")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Rate the action Red, Amber or Green", description = "RED and AMBER need a reason.")
    public ResponseEntity<Accepted> assessRag(@PathVariable String actionId, @Valid @RequestBody RagRequest body,
                                              Change change) {
        return changed(actionId, actionId, new AssessRag(actionId, body.status(), body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/submissions/{submissionId}/approval")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Approve a submitted note or rating (a plan manager, or a lead of the action's priority): it is recorded and reaches the board",
            description = "Only on a plan that requires approval (docs/reminders-and-approval.md).")
    public ResponseEntity<Accepted> approve(@PathVariable String actionId, @PathVariable String submissionId, Change change) {
        return changed(submissionId, actionId, new ApproveProgress(actionId, submissionId, change.expectedVersion()),
                change.reason());
    }

    @PostMapping("/submissions/{submissionId}/return")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Return a submitted note or rating to its lead, with the reason (a plan manager, or a lead of the action's priority)")
    public ResponseEntity<Accepted> returnSubmission(@PathVariable String actionId, @PathVariable String submissionId,
                                                     @Valid @RequestBody ReasonRequest body, Change change) {
        return changed(submissionId, actionId, new ReturnProgress(actionId, submissionId, body.reason(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/funding")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Allocate funding to the action (PLAN_MANAGER)")
    public ResponseEntity<Accepted> allocateFunding(@PathVariable String actionId, @Valid @RequestBody FundingRequest body,
                                                    Change change) {
        return createIn(actionId, "funding", body.id(), id -> new AllocateFunding(actionId, id, body.amountPence(),
                body.source(), body.financialYear(), body.effectiveOn(), change.expectedVersion()), change.reason());
    }

    @PostMapping("/spend")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record spend against the action")
    public ResponseEntity<Accepted> recordSpend(@PathVariable String actionId, @Valid @RequestBody SpendRequest body,
                                                Change change) {
        return createIn(actionId, "spend", body.id(), id -> new RecordSpend(actionId, id, body.amountPence(),
                body.description(), body.financialYear(), body.effectiveOn(), change.expectedVersion()), change.reason());
    }

    @PostMapping("/risks")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Identify a risk (likelihood and impact 1-5)")
    public ResponseEntity<Accepted> identifyRisk(@PathVariable String actionId, @Valid @RequestBody IdentifyRiskRequest body,
                                                 Change change) {
        return createIn(actionId, "risks", body.id(), id -> new IdentifyRisk(actionId, id, body.description(),
                body.likelihood(), body.impact(), body.owner(), body.mitigation(), body.effectiveOn(),
                change.expectedVersion()), change.reason());
    }

    @PutMapping("/risks/{riskId}")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Reassess a risk")
    public ResponseEntity<Accepted> reassessRisk(@PathVariable String actionId, @PathVariable String riskId,
                                                 @Valid @RequestBody ReassessRiskRequest body, Change change) {
        return changed(riskId, actionId, new ReassessRisk(actionId, riskId, body.likelihood(), body.impact(),
                body.owner(), body.mitigation(), body.reason(), body.effectiveOn(), change.expectedVersion()),
                change.reason(body.reason()));
    }

    @PostMapping("/risks/{riskId}/closure")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Close a risk", description = "A reason is required.")
    public ResponseEntity<Accepted> closeRisk(@PathVariable String actionId, @PathVariable String riskId,
                                              @Valid @RequestBody ReasonRequest body, Change change) {
        return changed(riskId, actionId, new CloseRisk(actionId, riskId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/referral-tallies")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a referral tally for a period",
            description = "For historical figures such as \"65 referrals April 2012 - March 2013, total spend £10,943\".")
    public ResponseEntity<Accepted> tallyReferrals(@PathVariable String actionId, @Valid @RequestBody TallyRequest body,
                                                   Change change) {
        return createIn(actionId, "referral-tallies", body.id(), id -> new TallyReferrals(actionId, id, body.from(),
                body.to(), body.count(), body.totalCostPence(), body.note(), body.effectiveOn(), change.expectedVersion()),
                change.reason());
    }

    @PostMapping("/referrals")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a referral case into the scheme this action runs",
            description = "The Location and ETag are the new case's.")
    public ResponseEntity<Accepted> recordReferral(@PathVariable String actionId, @Valid @RequestBody RecordReferralRequest body,
                                                   Change change) {
        return create("/api/referrals/", body.id(), id -> new RecordReferral(actionId, id, body.receivedOn(),
                body.referringAgency(), body.subjectRef(), body.reason(), change.expectedVersion()),
                change.reason(body.reason()));
    }

    @PostMapping("/completion")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Complete the action (PLAN_MANAGER)")
    public ResponseEntity<Accepted> complete(@PathVariable String actionId,
                                             @Valid @RequestBody(required = false) CompleteRequest body,
                                             Change change) {
        CompleteRequest request = body == null ? new CompleteRequest(null, null) : body;
        return changed(actionId, actionId, new CompleteAction(actionId, request.note(), request.effectiveOn(),
                change.expectedVersion()), change.reason());
    }

    @PostMapping("/cessation")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Cease the action (PLAN_MANAGER)", description = "A reason is required.")
    public ResponseEntity<Accepted> cease(@PathVariable String actionId, @Valid @RequestBody ReasonRequest body,
                                          Change change) {
        return changed(actionId, actionId, new CeaseAction(actionId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/reopening")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Reopen a completed or ceased action (PLAN_MANAGER)", description = "A reason is required.")
    public ResponseEntity<Accepted> reopen(@PathVariable String actionId, @Valid @RequestBody ReasonRequest body,
                                           Change change) {
        return changed(actionId, actionId, new ReopenAction(actionId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }
}
