package org.planledger.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.LoginThrottle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.planledger.infra.security.Roles.AUDITOR;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;

/**
 * Sign-ins refused because of earlier failures (password guessing, or someone who forgot their
 * password): for auditors, newest first. Kept in memory since the last start (the latest 500);
 * each is also in the log and counted in the {@code planledger.login.throttled} metric.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Tag(name = "Reading")
public class SignInRefusalsController {

    private final LoginThrottle throttle;

    public SignInRefusalsController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/api/audit/sign-in-refusals")
    @RolesAllowed({AUDITOR, PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.WHOLE_LEDGER)
    @Operation(summary = "Sign-ins refused by the throttle since the last start (AUDITOR, PLAN_MANAGER)")
    public List<LoginThrottle.Refusal> signInRefusals() {
        return throttle.recentRefusals();
    }
}
