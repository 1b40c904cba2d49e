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
import static org.planledger.infra.web.CommandResponses.changed;
import static org.planledger.infra.web.CommandResponses.created;
import static org.planledger.infra.web.CommandResponses.idOr;

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
public class PlanCommandsController {

    private static final String PLAN = "plan";

    private final CallerCommands commands;

    public PlanCommandsController(CallerCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a plan", description = "Creates a plan. With a client-chosen id a retry is harmless; "
            + "the same id with different content is a 409.")
    public ResponseEntity<Accepted> draftPlan(@Valid @RequestBody DraftPlanRequest body, Change change) {
        String planId = idOr(body.id());
        Long version = commands.send(new DraftPlan(planId, body.partnership(), body.title(), body.periodStart(),
                body.periodEnd(), body.cadence(), body.effectiveOn()), planId, PLAN, change.reason());
        return created("/api/plans/" + planId, planId, version);
    }

    @PostMapping("/{planId}/priorities")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a priority")
    public ResponseEntity<Accepted> addPriority(@PathVariable String planId, @Valid @RequestBody AddPriorityRequest body,
                                                Change change) {
        String priorityId = idOr(body.id());
        Long version = commands.send(new AddPriority(planId, priorityId, body.title(), body.leads(), body.effectiveOn(),
                change.expectedVersion()), planId, PLAN, change.reason());
        return created("/api/plans/" + planId + "/priorities/" + priorityId, priorityId, version);
    }

    @PutMapping("/{planId}/priorities/{priorityId}")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Revise a priority's title and leads")
    public ResponseEntity<Accepted> revisePriority(@PathVariable String planId, @PathVariable String priorityId,
                                                   @Valid @RequestBody RevisePriorityRequest body, Change change) {
        Long version = commands.send(new RevisePriority(planId, priorityId, body.title(), body.leads(), body.reason(),
                body.effectiveOn(), change.expectedVersion()), planId, PLAN, change.reason(body.reason()));
        return changed(priorityId, version);
    }

    @PostMapping("/{planId}/priorities/{priorityId}/retirement")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Retire a priority", description = "A reason is required.")
    public ResponseEntity<Accepted> retirePriority(@PathVariable String planId, @PathVariable String priorityId,
                                                   @Valid @RequestBody ReasonRequest body, Change change) {
        Long version = commands.send(new RetirePriority(planId, priorityId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), planId, PLAN, change.reason(body.reason()));
        return changed(priorityId, version);
    }

    @PostMapping("/{planId}/objectives")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a strategic objective under a priority")
    public ResponseEntity<Accepted> addObjective(@PathVariable String planId, @Valid @RequestBody AddObjectiveRequest body,
                                                 Change change) {
        String objectiveId = idOr(body.id());
        Long version = commands.send(new AddObjective(planId, objectiveId, body.priorityId(), body.title(),
                body.outcomes(), body.effectiveOn(), change.expectedVersion()), planId, PLAN, change.reason());
        return created("/api/plans/" + planId + "/objectives/" + objectiveId, objectiveId, version);
    }

    @PutMapping("/{planId}/objectives/{objectiveId}")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Revise an objective's title and outcomes")
    public ResponseEntity<Accepted> reviseObjective(@PathVariable String planId, @PathVariable String objectiveId,
                                                    @Valid @RequestBody ReviseObjectiveRequest body, Change change) {
        Long version = commands.send(new ReviseObjective(planId, objectiveId, body.title(), body.outcomes(),
                body.reason(), body.effectiveOn(), change.expectedVersion()), planId, PLAN, change.reason(body.reason()));
        return changed(objectiveId, version);
    }

    @PostMapping("/{planId}/indicators")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an indicator with its baseline and target")
    public ResponseEntity<Accepted> defineIndicator(@PathVariable String planId, @Valid @RequestBody DefineIndicatorRequest body,
                                                    Change change) {
        String indicatorId = idOr(body.id());
        Long version = commands.send(new DefineIndicator(planId, indicatorId, body.objectiveId(), body.name(), body.unit(),
                body.direction(), body.baseline() == null ? null : body.baseline().toBaseline(), body.target().toTarget(),
                body.changeRequired(), body.dueOn(), body.lead(), body.effectiveOn(), change.expectedVersion()),
                planId, PLAN, change.reason());
        return created("/api/plans/" + planId + "/indicators/" + indicatorId, indicatorId, version);
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/rebaselining")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Replace an indicator's baseline and target", description = "A reason is required.")
    public ResponseEntity<Accepted> rebaseline(@PathVariable String planId, @PathVariable String indicatorId,
                                               @Valid @RequestBody RebaselineIndicatorRequest body, Change change) {
        Long version = commands.send(new RebaselineIndicator(planId, indicatorId,
                body.baseline() == null ? null : body.baseline().toBaseline(), body.target().toTarget(),
                body.changeRequired(), body.reason(), body.effectiveOn(), change.expectedVersion()),
                planId, PLAN, change.reason(body.reason()));
        return changed(indicatorId, version);
    }

    @PostMapping("/{planId}/indicators/{indicatorId}/readings")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Record an indicator reading")
    public ResponseEntity<Accepted> recordReading(@PathVariable String planId, @PathVariable String indicatorId,
                                                  @Valid @RequestBody IndicatorReadingRequest body, Change change) {
        Long version = commands.send(new RecordIndicatorReading(planId, indicatorId, body.value(), body.period(),
                body.source(), body.effectiveOn(), change.expectedVersion()), planId, PLAN, change.reason());
        return changed(indicatorId, version);
    }

    @PostMapping("/{planId}/board-meetings")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a board meeting", description = "Board meetings are the natural points for replay.")
    public ResponseEntity<Accepted> recordBoardMeeting(@PathVariable String planId, @Valid @RequestBody BoardMeetingRequest body,
                                                       Change change) {
        String meetingId = idOr(body.id());
        Long version = commands.send(new RecordBoardMeeting(planId, meetingId, body.heldOn(), body.title(),
                change.expectedVersion()), planId, PLAN, change.reason());
        return created("/api/plans/" + planId + "/board-meetings/" + meetingId, meetingId, version);
    }

    @PostMapping("/{planId}/refreshes")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Record the annual refresh after the strategic assessment")
    public ResponseEntity<Accepted> refresh(@PathVariable String planId, @Valid @RequestBody RefreshPlanRequest body,
                                            Change change) {
        Long version = commands.send(new RefreshPlan(planId, body.note(), body.effectiveOn(),
                change.expectedVersion()), planId, PLAN, change.reason());
        return changed(planId, version);
    }

    @PostMapping("/{planId}/closure")
    @RolesAllowed(PLAN_MANAGER)
    @Operation(summary = "Close the plan", description = "A closed plan takes no further changes.")
    public ResponseEntity<Accepted> close(@PathVariable String planId,
                                          @Valid @RequestBody(required = false) OptionalReasonRequest body,
                                          Change change) {
        OptionalReasonRequest request = body == null ? new OptionalReasonRequest(null, null) : body;
        Long version = commands.send(new ClosePlan(planId, request.reason(), request.effectiveOn(),
                change.expectedVersion()), planId, PLAN, change.reason(request.reason()));
        return changed(planId, version);
    }

    @PostMapping("/{planId}/actions")
    @RolesAllowed(PLAN_MANAGER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an action under an objective",
            description = "Leads with a userId may then record progress, RAG, referrals, spend and risks on it. "
                    + "The ETag and Location are the new action's.")
    public ResponseEntity<Accepted> addAction(@PathVariable String planId, @Valid @RequestBody AddActionRequest body,
                                              Change change) {
        String actionId = idOr(body.id());
        Long version = commands.send(new AddAction(planId, actionId, body.objectiveId(), body.title(), body.outputs(),
                body.monitoringIndicators(), body.resources(), LeadBody.toLeads(body.leads()), body.partners(),
                body.startDate(), body.endDate(), body.risks(), body.effectiveOn(), change.expectedVersion()),
                actionId, PLAN, change.reason());
        return created("/api/actions/" + actionId, actionId, version);
    }
}
