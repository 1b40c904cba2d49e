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
import org.planledger.command.api.Limits;
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

/**
 * Request bodies of the plan endpoints. Limits come from the command side's {@link Limits}, so
 * the API refuses exactly what the commands would, but earlier and naming the JSON field.
 * {@code effectiveOn} (optional everywhere) is the business date the change speaks for; it
 * defaults to today.
 */
public final class PlanRequests {

    private PlanRequests() {
    }

    public record DraftPlanRequest(
            @Schema(description = "Client-chosen id; a retry with the same id and content is harmless", example = "kettering-2013")
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "Kettering Borough Community Safety Partnership") @NotBlank @Size(max = Limits.TITLE) String partnership,
            @Schema(example = "Community Safety Plan 2013-2016") @NotBlank @Size(max = Limits.TITLE) String title,
            @Schema(example = "2013-04-01") @NotNull @BusinessDate LocalDate periodStart,
            @Schema(example = "2016-03-31") @NotNull @BusinessDate LocalDate periodEnd,
            @NotNull Cadence cadence,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record AddPriorityRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "Anti-social behaviour") @NotBlank @Size(max = Limits.TITLE) String title,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> leads,
            @Schema(description = "Optional focus strands", example = "[\"Domestic abuse\"]")
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TITLE) String> focus,
            @BusinessDate LocalDate effectiveOn) {
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
            @BusinessDate LocalDate effectiveOn) {
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
            @BusinessDate LocalDate effectiveOn) {
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
            @Schema(example = "CSP Board") @NotBlank @Size(max = Limits.TITLE) String title) {
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
            @BusinessDate LocalDate effectiveOn) {
    }

    public record UpdateApprovalRequest(
            @Schema(description = "true: a delivery lead's notes and ratings wait for a plan manager's approval") @NotNull Boolean required) {
    }

    /** The setting as it now stands, and how many of the plan's actions follow it. */
    public record UpdateApprovalSetting(String planId, boolean required, int actions) {
    }
}
