package org.planledger.infra.web;

import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.config.ConditionalOnCommandSide;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.planledger.command.api.*;
import org.planledger.infra.web.PlanRequests.*;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.planledger.infra.security.Roles.PLAN_MANAGER;

/**
 * The plan's structure: plans, priorities, objectives, indicators, board meetings, refreshes,
 * closing, and adding actions. PLAN_MANAGER only (@RolesAllowed on each method). Every change may carry
 * {@code If-Match} with the plan's version (its ETag) and is refused with 409 when the plan has
 * moved on since.
 */
@RestController
@ConditionalOnCommandSide
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "Drafting and shaping plans (PLAN_MANAGER)")
public class PlanCommandsController extends CommandEndpoints {

    public PlanCommandsController(CallerCommands commands) {
        super(commands, "plan");
    }

    @PostMapping
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a plan", description = "Creates a plan. With a client-chosen id a retry is harmless; "
            + "the same id with different content is a 409.")
    public ResponseEntity<Accepted> draftPlan(@Valid @RequestBody DraftPlanRequest body, Change change) {
        return create("/api/plans/", body.id(), id -> new DraftPlan(id, body.partnership(), body.title(),
                body.periodStart(), body.periodEnd(), body.cadence(), body.effectiveOn()), change.reason());
    }

    @PostMapping("/{planId}/priorities")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a priority")
    public ResponseEntity<Accepted> addPriority(@PathVariable String planId, @Valid @RequestBody AddPriorityRequest body,
                                                Change change) {
        return createIn(planId, "priorities", body.id(), id -> new AddPriority(planId, id, body.title(), body.leads(),
                body.focus(), body.effectiveOn(), change.expectedVersion()), change.reason());
    }

    @PutMapping("/{planId}/priorities/{priorityId}")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Revise a priority's title and leads")
    public ResponseEntity<Accepted> revisePriority(@PathVariable String planId, @PathVariable String priorityId,
                                                   @Valid @RequestBody RevisePriorityRequest body, Change change) {
        return changed(priorityId, planId, new RevisePriority(planId, priorityId, body.title(), body.leads(),
                body.focus(), body.reason(), body.effectiveOn(), change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/{planId}/priorities/{priorityId}/retirement")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Retire a priority", description = "A reason is required.")
    public ResponseEntity<Accepted> retirePriority(@PathVariable String planId, @PathVariable String priorityId,
                                                   @Valid @RequestBody ReasonRequest body, Change change) {
        return changed(priorityId, planId, new RetirePriority(planId, priorityId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/{planId}/objectives")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a strategic objective under a priority")
    public ResponseEntity<Accepted> addObjective(@PathVariable String planId, @Valid @RequestBody AddObjectiveRequest body,
                                                 Change change) {
        return createIn(planId, "objectives", body.id(), id -> new AddObjective(planId, id, body.priorityId(),
                body.title(), body.outcomes(), body.effectiveOn(), change.expectedVersion()), change.reason());
    }

    @PutMapping("/{planId}/objectives/{objectiveId}")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Revise an objective's title and outcomes")
    public ResponseEntity<Accepted> reviseObjective(@PathVariable String planId, @PathVariable String objectiveId,
                                                    @Valid @RequestBody ReviseObjectiveRequest body, Change change) {
        return changed(objectiveId, planId, new ReviseObjective(planId, objectiveId, body.title(), body.outcomes(),
                body.reason(), body.effectiveOn(), change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/{planId}/objectives/{objectiveId}/retirement")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Retire an objective", description = "A refresh dropped it: from effectiveOn (default today) "
            + "the board no longer shows it, its indicators or its actions; replays before that day do. A reason is required.")
    public ResponseEntity<Accepted> retireObjective(@PathVariable String planId, @PathVariable String objectiveId,
                                                    @Valid @RequestBody ReasonRequest body, Change change) {
        return changed(objectiveId, planId, new RetireObjective(planId, objectiveId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/{planId}/indicators")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an indicator with its baseline and target")
    public ResponseEntity<Accepted> defineIndicator(@PathVariable String planId, @Valid @RequestBody DefineIndicatorRequest body,
                                                    Change change) {
        return createIn(planId, "indicators", body.id(), id -> new DefineIndicator(planId, id, body.objectiveId(),
                body.priorityId(), body.name(), body.unit(), body.direction(),
                body.baseline() == null ? null : body.baseline().toBaseline(), body.target().toTarget(),
                body.changeRequired(), body.dueOn(), body.lead(), body.effectiveOn(), change.expectedVersion()),
                change.reason());
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/rebaselining")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Replace an indicator's baseline and target", description = "A reason is required.")
    public ResponseEntity<Accepted> rebaseline(@PathVariable String planId, @PathVariable String indicatorId,
                                               @Valid @RequestBody RebaselineIndicatorRequest body, Change change) {
        return changed(indicatorId, planId, new RebaselineIndicator(planId, indicatorId,
                body.baseline() == null ? null : body.baseline().toBaseline(), body.target().toTarget(),
                body.changeRequired(), body.reason(), body.effectiveOn(), change.expectedVersion()),
                change.reason(body.reason()));
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/readings")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Record an indicator reading", description = "With an id a retry is harmless; the same id "
            + "with a different figure is a 409. A peer group's figure has series PEER.")
    public ResponseEntity<Accepted> recordReading(@PathVariable String planId, @PathVariable String indicatorId,
                                                  @Valid @RequestBody IndicatorReadingRequest body, Change change) {
        return changed(indicatorId, planId, new RecordIndicatorReading(planId, indicatorId, body.id(), body.value(),
                body.period(), body.costPence(), body.note(), body.source(), body.series(), body.effectiveOn(),
                change.expectedVersion()), change.reason());
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/readings/{readingId}/correction")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Correct a published reading", description = "The reading (recorded with an id) takes the "
            + "revised value, cost and note from effectiveOn (default today); a replay before that day shows the figure "
            + "first published, the audit trail both. A reason is required; the same figures again change nothing.")
    public ResponseEntity<Accepted> correctReading(@PathVariable String planId, @PathVariable String indicatorId,
                                                   @PathVariable String readingId,
                                                   @Valid @RequestBody CorrectReadingRequest body, Change change) {
        return changed(readingId, planId, new CorrectIndicatorReading(planId, indicatorId, readingId, body.value(),
                body.costPence(), body.note(), body.reason(), body.effectiveOn(), change.expectedVersion()),
                change.reason(body.reason()));
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/retirement")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Retire an indicator", description = "The plan stopped measuring it: from effectiveOn (default "
            + "today) the board no longer shows it; its series stays, and it takes no readings for later periods. "
            + "A reason is required.")
    public ResponseEntity<Accepted> retireIndicator(@PathVariable String planId, @PathVariable String indicatorId,
                                                    @Valid @RequestBody ReasonRequest body, Change change) {
        return changed(indicatorId, planId, new RetireIndicator(planId, indicatorId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/series-breaks")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Record a break in an indicator's series", description = "A reason is required. The same "
            + "break again is harmless; a different one on the same day is a 409.")
    public ResponseEntity<Accepted> recordSeriesBreak(@PathVariable String planId, @PathVariable String indicatorId,
                                                      @Valid @RequestBody SeriesBreakRequest body, Change change) {
        return changed(indicatorId, planId, new RecordSeriesBreak(planId, indicatorId, body.breakOn(), body.reason(),
                Boolean.TRUE.equals(body.newBaselinePending()), body.effectiveOn(), change.expectedVersion()),
                change.reason(body.reason()));
    }

    @PutMapping("/{planId}/members/{memberId}")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Record or revise a plan member", description = "The same details again change nothing; "
            + "a member who left is the same record with to set.")
    public ResponseEntity<Accepted> recordMember(@PathVariable String planId, @PathVariable String memberId,
                                                 @Valid @RequestBody PlanMemberRequest body, Change change) {
        return changed(memberId, planId, new RecordPlanMember(planId, memberId, body.name(), body.organisation(),
                body.role(), body.from(), body.to(), body.effectiveOn(), change.expectedVersion()), change.reason());
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/links")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Share an indicator with a further objective", description = "Linking again changes nothing.")
    public ResponseEntity<Accepted> linkIndicator(@PathVariable String planId, @PathVariable String indicatorId,
                                                  @Valid @RequestBody LinkIndicatorRequest body, Change change) {
        return changed(indicatorId, planId, new LinkIndicator(planId, indicatorId, body.objectiveId(),
                body.effectiveOn(), change.expectedVersion()), change.reason());
    }

    @PostMapping("/{planId}/board-meetings")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a board meeting", description = "Board meetings are the natural points for replay.")
    public ResponseEntity<Accepted> recordBoardMeeting(@PathVariable String planId, @Valid @RequestBody BoardMeetingRequest body,
                                                       Change change) {
        return createIn(planId, "board-meetings", body.id(), id -> new RecordBoardMeeting(planId, id, body.heldOn(),
                body.title(), change.expectedVersion()), change.reason());
    }

    @PostMapping("/{planId}/refreshes")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Record the annual refresh after the strategic assessment")
    public ResponseEntity<Accepted> refresh(@PathVariable String planId, @Valid @RequestBody RefreshPlanRequest body,
                                            Change change) {
        return changed(planId, planId, new RefreshPlan(planId, body.note(), body.effectiveOn(),
                change.expectedVersion()), change.reason());
    }

    /**
     * The plan records the setting; each of its actions is then told, so the action decides by itself
     * whether a lead's note is recorded or submitted. The same setting again is harmless, so a request
     * that failed half-way is simply repeated.
     */
    @PutMapping("/{planId}/update-approval")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Require (or stop requiring) a plan manager's approval of delivery leads' notes and RAG ratings",
            description = "docs/reminders-and-approval.md. With it on, POST /progress and PUT /rag by a delivery lead are "
                    + "submitted, and reach the board only once approved.")
    public ResponseEntity<UpdateApprovalSetting> requireUpdateApproval(@PathVariable String planId,
                                                                       @Valid @RequestBody UpdateApprovalRequest body,
                                                                       Change change) {
        java.util.List<String> actions = sendForResult(new RequireUpdateApproval(planId, body.required(),
                change.expectedVersion()), change.reason());
        for (String actionId : actions) {
            send(new SetUpdateApproval(actionId, body.required()), actionId, change.reason());
        }
        return ResponseEntity.ok(new UpdateApprovalSetting(planId, body.required(), actions.size()));
    }

    @PostMapping("/{planId}/closure")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Close the plan", description = "A closed plan takes no further changes.")
    public ResponseEntity<Accepted> close(@PathVariable String planId,
                                          @Valid @RequestBody(required = false) OptionalReasonRequest body,
                                          Change change) {
        OptionalReasonRequest request = body == null ? new OptionalReasonRequest(null, null) : body;
        return changed(planId, planId, new ClosePlan(planId, request.reason(), request.effectiveOn(),
                change.expectedVersion()), change.reason(request.reason()));
    }

    @PostMapping("/{planId}/actions")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an action under an objective",
            description = "Leads with a userId may then record progress, RAG, referrals, spend and risks on it. "
                    + "The ETag and Location are the new action's.")
    public ResponseEntity<Accepted> addAction(@PathVariable String planId, @Valid @RequestBody AddActionRequest body,
                                              Change change) {
        return create("/api/actions/", body.id(), id -> new AddAction(planId, id, body.objectiveId(), body.title(),
                body.outputs(), body.monitoringIndicators(), body.resources(), LeadBody.toLeads(body.leads()),
                body.partners(), body.startDate(), body.endDate(), body.risks(), body.effectiveOn(),
                change.expectedVersion()), change.reason());
    }
}
