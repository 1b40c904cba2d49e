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
import org.planledger.infra.web.PlanRequests.LeadBody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the action and referral endpoints. Money is in pence, a whole number, never
 * negative; a financial year is written "2013/14"; a progress period is YYYY-MM or YYYY-MM-DD.
 */
public final class ActionRequests {

    private ActionRequests() {
    }

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
            @BusinessDate LocalDate effectiveOn) {
    }

    public record SpendRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @Schema(example = "125000") @NotNull @PositiveOrZero @Max(Limits.MAX_PENCE) Long amountPence,
            @NotBlank @Size(max = Limits.TITLE) String description,
            @Schema(type = "string", example = "2013/14") @NotNull FinancialYear financialYear,
            @BusinessDate LocalDate effectiveOn) {
    }

    public record IdentifyRiskRequest(
            @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String id,
            @NotBlank @Size(max = Limits.TEXT) String description,
            @NotNull @Min(1) @Max(5) Integer likelihood,
            @NotNull @Min(1) @Max(5) Integer impact,
            @Size(max = Limits.TITLE) String owner,
            @Size(max = Limits.TEXT) String mitigation,
            @BusinessDate LocalDate effectiveOn) {
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
            @BusinessDate LocalDate effectiveOn) {
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
            @Size(max = Limits.TEXT) String reason) {
    }

    public record EffectiveOnRequest(@BusinessDate LocalDate effectiveOn) {
    }

    public record CloseReferralRequest(
            @Schema(example = "Locks fitted; no repeat incident in 6 months") @NotBlank @Size(max = Limits.TITLE) String outcome,
            @Schema(example = "25000") @NotNull @PositiveOrZero @Max(Limits.MAX_PENCE) Long costPence,
            @BusinessDate LocalDate effectiveOn) {
    }
}
