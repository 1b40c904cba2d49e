package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.planledger.command.api.ApproveProgress;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.ReturnProgress;
import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.planledger.infra.security.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A plan manager approves or returns a submitted update from the action's page (the API's commands,
 * marked {@code source=ui}); the page says what happened, or why not, above the pending updates.
 */
@Controller
@ConditionalOnCommandSide
class ApprovalPages {

    private final CallerCommands commands;

    ApprovalPages(CallerCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/actions/{actionId}/submissions/{submissionId}/{decision}")
    @RolesAllowed({Roles.PLAN_MANAGER})
    String decide(@PathVariable String actionId, @PathVariable String submissionId, @PathVariable String decision,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        boolean approve = decision.equals("approval");
        if (!approve && !decision.equals("return")) {
            redirect.addFlashAttribute("message", "Nothing done: unknown decision '" + decision + "'.");
            return "redirect:/actions/" + actionId;
        }
        try {
            CallerCommands.from(CommandOrigin.SOURCE_UI, () -> commands.send(approve
                    ? new ApproveProgress(actionId, submissionId, null)
                    : new ReturnProgress(actionId, submissionId, reason, null), actionId, "action", approve ? null : reason));
            redirect.addFlashAttribute("message", approve ? "Update approved: it is now on the board."
                    : "Update returned to its lead.");
        } catch (CommandRejectedException | AggregateNotFoundException
                 | org.axonframework.messaging.interceptors.JSR303ViolationException e) {
            redirect.addFlashAttribute("message", (approve ? "Not approved: " : "Not returned: ") + e.getMessage());
        }
        return "redirect:/actions/" + actionId + "#pending";
    }
}
