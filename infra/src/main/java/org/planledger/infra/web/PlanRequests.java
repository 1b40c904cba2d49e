package org.planledger.infra.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.planledger.command.api.*;
import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.web.CommandRoute.ClientChosenId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.planledger.events.Baseline;
import org.planledger.events.Cadence;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Lead;
import org.planledger.events.Target;
import org.planledger.events.TargetKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.planledger.infra.security.Roles.PLAN_MANAGER;
import static org.planledger.infra.web.CommandRoute.answers;
import static org.planledger.infra.web.CommandRoute.changes;
import static org.planledger.infra.web.CommandRoute.createsIn;
import static org.planledger.infra.web.CommandRoute.createsStream;

/**
 * The plan endpoints: their routes (each stated once: path, roles, OpenAPI words and the command it
 * sends; {@link CommandRoute}) and their request bodies. The plan's structure: plans, priorities,
 * objectives, indicators, members, shares, board meetings, refreshes, closing, and adding actions;
 * PLAN_MANAGER only. Every change may carry {@code If-Match} with the plan's version (its ETag) and
 * is refused with 409 when the plan has moved on since.
 * <p>
 * Limits come from the command side's {@link Limits}, so the API refuses exactly what the commands
 * would, but earlier and naming the JSON field. {@code effectiveOn} (optional everywhere) is the
 * business date the change speaks for; it defaults to today.
 */
public final class PlanRequests {

    private PlanRequests() {
    }

    static final List<CommandRoute<?>> ROUTES = List.of(
            createsStream("POST /api/plans", "/api/plans/", DraftPlanRequest.class, (body, call) -> {
                DraftPlan draft = new DraftPlan(call.newId(), body.partnership(), body.title(), body.periodStart(),
                        body.periodEnd(), body.cadence(), body.effectiveOn(), body.partnershipId());
                // a plan manager drafts only in a partnership they manage
                PartnershipBoundary.requireRoleIn(call.caller(), draft.partnershipIdOrDerived(), Set.of(PLAN_MANAGER));
                return draft;
            })
                    .roles(PLAN_MANAGER).scope(PartnershipScope.Scope.NAMED_IN_REQUEST).summary("Draft a plan")
                    .description("Creates a plan. With a client-chosen id a retry is harmless; the same id with different "
                            + "content is a 409."),
            changes("POST /api/plans/{planId}/shares", SharePlanRequest.class, (body, call) -> new SharePlan(call.id(),
                    body.withPartnershipId(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Share the plan read only with another partnership")
                    .description("Holders of a role in that partnership may then read the plan as a board member does "
                            + "(never change it, never see referral subjects). Sharing again while the share stands is harmless."),
            changes("POST /api/plans/{planId}/shares/{partnershipId}/withdrawal", OptionalReasonRequest.class,
                    (body, call) -> new WithdrawPlanShare(call.id(), call.variable("partnershipId"), body.reason(),
                            body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).naming("planId").bodyOptional().summary("Withdraw a share")
                    .description("The other partnership's people can no longer read the plan."),
            createsIn("POST /api/plans/{planId}/priorities", AddPriorityRequest.class, (body, call) -> new AddPriority(
                    call.id(), call.newId(), body.title(), body.leads(), body.focus(), body.effectiveOn(),
                    call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Add a priority"),
            changes("PUT /api/plans/{planId}/priorities/{priorityId}", RevisePriorityRequest.class, (body, call) ->
                    new RevisePriority(call.id(), call.variable("priorityId"), body.title(), body.leads(), body.focus(),
                            body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Revise a priority's title and leads"),
            changes("POST /api/plans/{planId}/priorities/{priorityId}/retirement", ReasonRequest.class, (body, call) ->
                    new RetirePriority(call.id(), call.variable("priorityId"), body.reason(), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Retire a priority").description("A reason is required."),
            createsIn("POST /api/plans/{planId}/objectives", AddObjectiveRequest.class, (body, call) -> new AddObjective(
                    call.id(), call.newId(), body.priorityId(), body.title(), body.outcomes(), body.effectiveOn(),
                    call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Add a strategic objective under a priority"),
            changes("PUT /api/plans/{planId}/objectives/{objectiveId}", ReviseObjectiveRequest.class, (body, call) ->
                    new ReviseObjective(call.id(), call.variable("objectiveId"), body.title(), body.outcomes(),
                            body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Revise an objective's title and outcomes"),
            changes("POST /api/plans/{planId}/objectives/{objectiveId}/retirement", ReasonRequest.class, (body, call) ->
                    new RetireObjective(call.id(), call.variable("objectiveId"), body.reason(), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Retire an objective")
                    .description("A refresh dropped it: from effectiveOn (default today) the board no longer shows it, "
                            + "its indicators or its actions; replays before that day do. A reason is required."),
            createsIn("POST /api/plans/{planId}/indicators", DefineIndicatorRequest.class, (body, call) ->
                    new DefineIndicator(call.id(), call.newId(), body.objectiveId(), body.priorityId(), body.name(),
                            body.unit(), body.direction(), body.baseline() == null ? null : body.baseline().toBaseline(),
                            body.target().toTarget(), body.changeRequired(), body.dueOn(), body.lead(), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Define an indicator with its baseline and target"),
            changes("POST /api/plans/{planId}/indicators/{indicatorId}/rebaselining", RebaselineIndicatorRequest.class,
                    (body, call) -> new RebaselineIndicator(call.id(), call.variable("indicatorId"),
                            body.baseline() == null ? null : body.baseline().toBaseline(), body.target().toTarget(),
                            body.changeRequired(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Replace an indicator's baseline and target")
                    .description("A reason is required."),
            changes("POST /api/plans/{planId}/indicators/{indicatorId}/readings", IndicatorReadingRequest.class,
                    (body, call) -> new RecordIndicatorReading(call.id(), call.variable("indicatorId"), body.id(),
                            body.value(), body.period(), body.costPence(), body.note(), body.source(), body.series(),
                            body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Record an indicator reading")
                    .description("With an id a retry is harmless; the same id with a different figure is a 409. "
                            + "A peer group's figure has series PEER."),
            changes("POST /api/plans/{planId}/indicators/{indicatorId}/readings/{readingId}/correction",
                    CorrectReadingRequest.class, (body, call) -> new CorrectIndicatorReading(call.id(),
                            call.variable("indicatorId"), call.variable("readingId"), body.value(), body.costPence(),
                            body.note(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Correct a published reading")
                    .description("The reading (recorded with an id) takes the revised value, cost and note from "
                            + "effectiveOn (default today); a replay before that day shows the figure first published, the "
                            + "audit trail both. A reason is required; the same figures again change nothing."),
            changes("POST /api/plans/{planId}/indicators/{indicatorId}/retirement", ReasonRequest.class, (body, call) ->
                    new RetireIndicator(call.id(), call.variable("indicatorId"), body.reason(), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Retire an indicator")
                    .description("The plan stopped measuring it: from effectiveOn (default today) the board no longer "
                            + "shows it; its series stays, and it takes no readings for later periods. A reason is required."),
            changes("POST /api/plans/{planId}/indicators/{indicatorId}/series-breaks", SeriesBreakRequest.class,
                    (body, call) -> new RecordSeriesBreak(call.id(), call.variable("indicatorId"), body.breakOn(),
                            body.reason(), Boolean.TRUE.equals(body.newBaselinePending()), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Record a break in an indicator's series")
                    .description("A reason is required. The same break again is harmless; a different one on the same "
                            + "day is a 409."),
            changes("PUT /api/plans/{planId}/members/{memberId}", PlanMemberRequest.class, (body, call) ->
                    new RecordPlanMember(call.id(), call.variable("memberId"), body.name(), body.organisation(),
                            body.role(), body.from(), body.to(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Record or revise a plan member")
                    .description("The same details again change nothing; a member who left is the same record with to set."),
            changes("POST /api/plans/{planId}/indicators/{indicatorId}/links", LinkIndicatorRequest.class, (body, call) ->
                    new LinkIndicator(call.id(), call.variable("indicatorId"), body.objectiveId(), body.effectiveOn(),
                            call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Share an indicator with a further objective")
                    .description("Linking again changes nothing."),
            createsIn("POST /api/plans/{planId}/board-meetings", BoardMeetingRequest.class, (body, call) ->
                    new RecordBoardMeeting(call.id(), call.newId(), body.heldOn(), body.title(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Record a board meeting")
                    .description("Board meetings are the natural points for replay."),
            changes("POST /api/plans/{planId}/refreshes", RefreshPlanRequest.class, (body, call) -> new RefreshPlan(
                    call.id(), body.note(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Record the annual refresh after the strategic assessment"),
            // The plan records the setting; each of its actions is then told, so the action decides by itself whether a
            // lead's note is recorded or submitted. The same setting again is harmless, so a request that failed
            // half-way is simply repeated.
            answers("PUT /api/plans/{planId}/update-approval", UpdateApprovalRequest.class, HttpStatus.OK,
                    UpdateApprovalSetting.class, (body, call) -> {
                        List<String> actions = call.sendForResult(new RequireUpdateApproval(call.id(), body.required(),
                                call.expectedVersion()));
                        for (String actionId : actions) {
                            call.send(new SetUpdateApproval(actionId, body.required()), actionId);
                        }
                        return ResponseEntity.ok(new UpdateApprovalSetting(call.id(), body.required(), actions.size()));
                    })
                    .roles(PLAN_MANAGER)
                    .summary("Require (or stop requiring) a plan manager's approval of delivery leads' notes and RAG ratings")
                    .description("docs/reminders-and-approval.md. With it on, POST /progress and PUT /rag by a delivery "
                            + "lead are submitted, and reach the board only once approved."),
            changes("POST /api/plans/{planId}/closure", OptionalReasonRequest.class, (body, call) -> new ClosePlan(
                    call.id(), body.reason(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).bodyOptional().summary("Close the plan")
                    .description("A closed plan takes no further changes."),
            createsStream("POST /api/plans/{planId}/actions", "/api/actions/", AddActionRequest.class, (body, call) ->
                    new AddAction(call.id(), call.newId(), body.objectiveId(), body.title(), body.outputs(),
                            body.monitoringIndicators(), body.resources(), LeadBody.toLeads(body.leads()), body.partners(),
                            body.startDate(), body.endDate(), body.risks(), body.effectiveOn(), call.expectedVersion()))
                    .roles(PLAN_MANAGER).summary("Add an action under an objective")
                    .description("Leads with a userId may then record progress, RAG, referrals, spend and risks on it. "
                            + "The ETag and Location are the new action's."));

    public record DraftPlanRequest(
            @Schema(description = "Client-chosen id; a retry with the same id and content is harmless", example = "kettering-2013")
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "Kettering Borough Community Safety Partnership") @NotBlank @Size(max = Limits.TITLE) String partnership,
            @Schema(example = "Community Safety Plan 2013-2016") @NotBlank @Size(max = Limits.TITLE) String title,
            @Schema(example = "2013-04-01") @NotNull @BusinessDate LocalDate periodStart,
            @Schema(example = "2016-03-31") @NotNull @BusinessDate LocalDate periodEnd,
            @NotNull Cadence cadence,
            @BusinessDate LocalDate effectiveOn,
            @Schema(description = "The partnership the plan belongs to (docs/partnerships.md); by default derived from "
                    + "the partnership's name", example = "kettering-borough")
            @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                    message = "lower-case letters and digits in words joined by hyphens, e.g. kettering-borough")
            String partnershipId) implements ClientChosenId {
    }

    public record AddPriorityRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "Anti-social behaviour") @NotBlank @Size(max = Limits.TITLE) String title,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> leads,
            @Schema(description = "Optional focus strands", example = "[\"Domestic abuse\"]")
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TITLE) String> focus,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record RevisePriorityRequest(
            @NotBlank @Size(max = Limits.TITLE) String title,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> leads,
            @Schema(description = "Focus strands; left out, they stay as they are; [] removes them")
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TITLE) String> focus,
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    @Schema(description = "The figure as revised: value (pence for a MONEY indicator), optional costPence and note; "
            + "a reason is required. effectiveOn (default today) is when the correction was made: a replay before it "
            + "shows the figure first published")
    public record CorrectReadingRequest(
            @NotNull BigDecimal value,
            @PositiveOrZero @Max(Limits.MAX_PENCE) Long costPence,
            @Size(max = Limits.TEXT) String note,
            @NotBlank @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record ReasonRequest(
            @Schema(description = "Why; required") @NotBlank @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record OptionalReasonRequest(
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record AddObjectiveRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String priorityId,
            @Schema(example = "Reduce the perception of anti-social behaviour") @NotBlank @Size(max = Limits.TITLE) String title,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> outcomes,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record ReviseObjectiveRequest(
            @NotBlank @Size(max = Limits.TITLE) String title,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> outcomes,
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    @Schema(description = "\"9.7% (2012/2013 Police Local Survey)\": value, period, source and the words as written")
    public record BaselineBody(
            BigDecimal value,
            @Size(max = Limits.TITLE) String period,
            @Size(max = Limits.TITLE) String source,
            @Size(max = Limits.TITLE) String text) {

        Baseline toBaseline() {
            return new Baseline(value, period, source, text);
        }
    }

    @Schema(description = "ABSOLUTE (\"below 9%\"), PERCENT_CHANGE (\"5% reduction\", optionally from baselinePeriod), "
            + "MONITOR_ONLY (no value), IMPROVE_ON_PREVIOUS (better than the reading before) or PEER_COMPARISON "
            + "(better than peerGroup's reading of the same period)")
    public record TargetBody(
            @NotNull TargetKind kind,
            BigDecimal value,
            @Size(max = Limits.TITLE) String text,
            @Schema(example = "2011/12") @Size(max = Limits.TITLE) String baselinePeriod,
            @Schema(example = "Most Similar Group") @Size(max = Limits.TITLE) String peerGroup) {

        Target toTarget() {
            return new Target(kind, value, text, baselinePeriod, peerGroup);
        }
    }

    @Schema(description = "objectiveId for an objective's indicator, priorityId alone for a priority's measure, neither "
            + "for a measure of the whole plan")
    public record DefineIndicatorRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String objectiveId,
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String priorityId,
            @Schema(example = "Perception of ASB as a problem") @NotBlank @Size(max = Limits.TITLE) String name,
            @NotNull IndicatorUnit unit,
            @NotNull Direction direction,
            @Valid BaselineBody baseline,
            @NotNull @Valid TargetBody target,
            @Size(max = Limits.TITLE) String changeRequired,
            @BusinessDate LocalDate dueOn,
            @Size(max = Limits.TITLE) String lead,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record RebaselineIndicatorRequest(
            @Valid BaselineBody baseline,
            @NotNull @Valid TargetBody target,
            @Size(max = Limits.TITLE) String changeRequired,
            @NotBlank @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    @Schema(description = "period: 2013/14, 2013/14 Q1, 2014-Q1, 2013-06 or 2013-06-14; effectiveOn defaults to the "
            + "period's last day. id makes a retry harmless. value is in pence for a MONEY indicator; costPence is an "
            + "optional money figure for the same period; series OWN (default) or PEER")
    public record IndicatorReadingRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @NotNull BigDecimal value,
            @Schema(example = "2013/14 Q1") @NotBlank @Size(max = Limits.TITLE) String period,
            @Schema(example = "1094300") @PositiveOrZero @Max(Limits.MAX_PENCE) Long costPence,
            @Size(max = Limits.TEXT) String note,
            @Size(max = Limits.TITLE) String source,
            @Schema(example = "OWN") @Pattern(regexp = "OWN|PEER") String series,
            @BusinessDate LocalDate effectiveOn) {
    }

    @Schema(description = "The way the indicator is counted changed on breakOn; readings before it are not compared with later ones")
    public record SeriesBreakRequest(
            @Schema(example = "2014-04-01") @NotNull @BusinessDate LocalDate breakOn,
            @Schema(example = "Home Office counting rules changed") @NotBlank @Size(max = Limits.REASON) String reason,
            Boolean newBaselinePending,
            @BusinessDate LocalDate effectiveOn) {
    }

    @Schema(description = "A board or plan-group member: a name or an organisation (or both), role, from and to "
            + "(to set when they leave)")
    public record PlanMemberRequest(
            @Schema(example = "Ann Lee") @Size(max = Limits.TITLE) String name,
            @Schema(example = "Kettering Borough Council") @Size(max = Limits.TITLE) String organisation,
            @Schema(example = "Chair") @Size(max = Limits.TITLE) String role,
            @BusinessDate LocalDate from,
            @BusinessDate LocalDate to,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record LinkIndicatorRequest(
            @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String objectiveId,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record BoardMeetingRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "2013-11-21") @NotNull @BusinessDate LocalDate heldOn,
            @Schema(example = "CSP Board") @NotBlank @Size(max = Limits.TITLE) String title) implements ClientChosenId {
    }

    public record SharePlanRequest(
            @Schema(description = "The partnership to share the plan with", example = "corby")
            @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                    message = "lower-case letters and digits in words joined by hyphens, e.g. corby") String withPartnershipId,
            @Size(max = Limits.REASON) String reason,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record RefreshPlanRequest(
            @Schema(description = "What the annual strategic assessment changed") @NotBlank @Size(max = Limits.TEXT) String note,
            @BusinessDate LocalDate effectiveOn) {
    }

    @Schema(description = "A lead of an action: a person's name or an organisation (or both); userId links the person "
            + "to a login so they may update it")
    public record LeadBody(
            @Schema(example = "Jo Smith") @Size(max = Limits.TITLE) String name,
            @Schema(example = "Kettering Borough Council") @Size(max = Limits.TITLE) String organisation,
            @Schema(example = "lead1") @Size(max = Limits.ID) String userId) {

        Lead toLead() {
            return new Lead(name, organisation, userId);
        }

        static List<Lead> toLeads(List<LeadBody> leads) {
            return leads == null ? null : leads.stream().map(lead -> lead == null ? null : lead.toLead()).toList();
        }
    }

    public record AddActionRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String objectiveId,
            @Schema(example = "Target hardening for repeat victims") @NotBlank @Size(max = Limits.TEXT) String title,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> outputs,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> monitoringIndicators,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> resources,
            @NotEmpty @Size(max = Limits.LIST) List<@NotNull @Valid LeadBody> leads,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> partners,
            @Schema(example = "2013-04-01", description = "left out for an ongoing action") @BusinessDate LocalDate startDate,
            @Schema(example = "2014-03-31", description = "left out for an ongoing action: never overdue") @BusinessDate LocalDate endDate,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> risks,
            @BusinessDate LocalDate effectiveOn) implements ClientChosenId {
    }

    public record UpdateApprovalRequest(
            @Schema(description = "true: a delivery lead's notes and ratings wait for a plan manager's approval") @NotNull Boolean required) {
    }

    /** The setting as it now stands, and how many of the plan's actions follow it. */
    public record UpdateApprovalSetting(String planId, boolean required, int actions) {
    }
}
