package org.planledger.infra.web;

import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.config.ConditionalOnCommandSide;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.planledger.command.api.AcceptReferral;
import org.planledger.command.api.CloseReferral;
import org.planledger.command.api.DeclineReferral;
import org.planledger.infra.web.ActionRequests.CloseReferralRequest;
import org.planledger.infra.web.ActionRequests.EffectiveOnRequest;
import org.planledger.infra.web.PlanRequests.ReasonRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;

/**
 * A referral case after it was recorded: accepted or declined, then closed with an outcome and
 * cost. DELIVERY_LEAD on cases of the actions they lead, and PLAN_MANAGER: the Referral applies the
 * lead rule (ActionLeadership) from the caller named in the command's metadata.
 */
@RestController
@ConditionalOnCommandSide
@RequestMapping("/api/referrals/{referralId}")
@Tag(name = "Referrals", description = "Referral cases (DELIVERY_LEAD on their own actions, PLAN_MANAGER)")
public class ReferralCommandsController extends CommandEndpoints {

    public ReferralCommandsController(CallerCommands commands) {
        super(commands, "referral");
    }

    @PostMapping("/acceptance")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Accept a received referral")
    public ResponseEntity<Accepted> accept(@PathVariable String referralId,
                                           @Valid @RequestBody(required = false) EffectiveOnRequest body,
                                           Change change) {
        EffectiveOnRequest request = body == null ? new EffectiveOnRequest(null) : body;
        return changed(referralId, referralId, new AcceptReferral(referralId, request.effectiveOn(),
                change.expectedVersion()), change.reason());
    }

    @PostMapping("/decline")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Decline a received referral", description = "A reason is required.")
    public ResponseEntity<Accepted> decline(@PathVariable String referralId, @Valid @RequestBody ReasonRequest body,
                                            Change change) {
        return changed(referralId, referralId, new DeclineReferral(referralId, body.reason(), body.effectiveOn(),
                change.expectedVersion()), change.reason(body.reason()));
    }

    @PostMapping("/closure")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD})
    @Operation(summary = "Close an accepted referral with its outcome and cost")
    public ResponseEntity<Accepted> close(@PathVariable String referralId, @Valid @RequestBody CloseReferralRequest body,
                                          Change change) {
        return changed(referralId, referralId, new CloseReferral(referralId, body.outcome(), body.costPence(),
                body.effectiveOn(), change.expectedVersion()), change.reason());
    }
}
