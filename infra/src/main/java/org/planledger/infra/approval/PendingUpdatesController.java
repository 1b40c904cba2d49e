package org.planledger.infra.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;

/**
 * The plan's updates waiting for approval, for those who may decide them (docs/reminders-and-approval.md).
 * Deciding is the action's own endpoints ({@code /api/actions/{id}/submissions/{submissionId}/approval}, {@code .../return}).
 */
@RestController
@ConditionalOnQuerySide
@Tag(name = "Approval of updates", description = "Updates submitted for approval and not yet decided")
public class PendingUpdatesController {

    private final PendingUpdatesService pending;

    public PendingUpdatesController(PendingUpdatesService pending) {
        this.pending = pending;
    }

    @GetMapping("/api/plans/{planId}/pending-updates")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Updates waiting for approval, oldest first: a plan manager sees every one, a delivery lead "
            + "those on actions of a priority they lead (never their own); mayDecide says whether the caller may approve or return it")
    public PendingUpdatesService.Answer pendingUpdates(@PathVariable String planId, Authentication caller) {
        return pending.pending(planId, caller);
    }
}
