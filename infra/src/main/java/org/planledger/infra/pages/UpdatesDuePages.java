package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.query.Queries;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.reminders.UpdatesDueService;
import org.planledger.infra.security.Roles;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Who owes what: the plan's updates due and overdue with their leads and the reminders sent, as the
 * API's {@code /updates-due} answers it for the same caller (a delivery lead sees their own actions).
 */
@Controller
@ConditionalOnQuerySide
class UpdatesDuePages {

    private final UpdatesDueService updatesDue;
    private final Queries queries;

    UpdatesDuePages(UpdatesDueService updatesDue, Queries queries) {
        this.updatesDue = updatesDue;
        this.queries = queries;
    }

    @GetMapping("/plans/{planId}/updates-due")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.BOARD, Roles.DELIVERY_LEAD})
    String page(@PathVariable String planId, Authentication caller, Model model) {
        BoardView plan = queries.ask(new FindBoardView(planId), ResponseTypes.optionalInstanceOf(BoardView.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        UpdatesDueService.Answer answer = updatesDue.updatesDue(planId, updatesDue.today());
        model.addAttribute("plan", plan);
        model.addAttribute("due", UpdatesDueService.forCaller(answer, caller));
        model.addAttribute("everyAction", Roles.of(caller).contains(Roles.PLAN_MANAGER) || Roles.of(caller).contains(Roles.BOARD));
        return "updates-due";
    }
}
