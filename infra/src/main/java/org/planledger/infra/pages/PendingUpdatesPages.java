package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.infra.approval.PendingUpdatesService;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.query.Queries;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.Roles;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every update of the plan waiting for approval, with the Approve and Return forms, for those who may
 * decide them: the API's {@code /pending-updates} for the same caller. The forms post to the action's
 * own decision handler ({@link ActionPages#decide}), which comes back here.
 */
@Controller
@ConditionalOnQuerySide
class PendingUpdatesPages {

    private final PendingUpdatesService pending;
    private final Queries queries;

    PendingUpdatesPages(PendingUpdatesService pending, Queries queries) {
        this.pending = pending;
        this.queries = queries;
    }

    @GetMapping("/plans/{planId}/pending-updates")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD})
    String page(@PathVariable String planId, Authentication caller, Model model) {
        BoardView plan = queries.ask(new FindBoardView(planId), ResponseTypes.optionalInstanceOf(BoardView.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        model.addAttribute("plan", plan);
        model.addAttribute("queue", pending.pending(planId, caller));
        model.addAttribute("everyUpdate", Roles.of(caller).contains(Roles.PLAN_MANAGER));
        return "pending-updates";
    }
}
