package org.planledger.infra.reminders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.planledger.infra.security.Roles.BOARD;
import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;

/**
 * Who owes what (docs/reminders-and-approval.md). Managers and the board see every update due; a
 * delivery lead sees the updates of the actions they lead. Auditors and scrutiny read the reminders
 * in the audit trail instead.
 */
@RestController
@ConditionalOnQuerySide
@Tag(name = "Update reminders", description = "Updates due and overdue, with the reminders sent")
public class UpdatesDueController {

    private final UpdatesDueService updatesDue;

    public UpdatesDueController(UpdatesDueService updatesDue) {
        this.updatesDue = updatesDue;
    }

    @GetMapping("/api/plans/{planId}/updates-due")
    @RolesAllowed({PLAN_MANAGER, BOARD, DELIVERY_LEAD})
    @Operation(summary = "Updates due (within the notice days) and overdue today: action, leads, due date, days overdue, "
            + "latest note, reminders sent; a delivery lead sees only the actions they lead")
    public UpdatesDueService.Answer updatesDue(@PathVariable String planId, Authentication caller) {
        return UpdatesDueService.forCaller(updatesDue.updatesDue(planId, updatesDue.today()), caller);
    }
}
