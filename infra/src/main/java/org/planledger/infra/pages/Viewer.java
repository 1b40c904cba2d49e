package org.planledger.infra.pages;

import org.planledger.command.ActionLeadership;
import org.planledger.events.Lead;
import org.planledger.infra.security.Roles;
import org.springframework.security.core.Authentication;

import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the pages see them: what to offer in the navigation and on each page.
 * These flags decide what is shown, never what is allowed: the role declarations on the handlers,
 * the command side's lead rule and the redaction of subject references enforce that.
 */
public record Viewer(String userId, Set<String> roles) {

    static Viewer of(Authentication authentication) {
        if (authentication == null) {
            return new Viewer("", Set.of());
        }
        return new Viewer(authentication.getName(), Roles.of(authentication));
    }

    public boolean isManager() {
        return roles.contains(Roles.PLAN_MANAGER);
    }

    public boolean isLead() {
        return roles.contains(Roles.DELIVERY_LEAD);
    }

    public boolean isBoard() {
        return roles.contains(Roles.BOARD);
    }

    public boolean isScrutiny() {
        return roles.contains(Roles.SCRUTINY);
    }

    /** The county figures across partnerships. */
    public boolean isCountyAnalyst() {
        return roles.contains(Roles.COUNTY_ANALYST);
    }

    /** The audit trail: AUDITOR and PLAN_MANAGER, as on the API. */
    public boolean canAudit() {
        return roles.contains(Roles.AUDITOR) || roles.contains(Roles.PLAN_MANAGER);
    }

    /** Referral subject references: not for BOARD or SCRUTINY. */
    public boolean canSeeSubjectReferences() {
        return roles.contains(Roles.PLAN_MANAGER) || roles.contains(Roles.DELIVERY_LEAD) || roles.contains(Roles.AUDITOR);
    }

    /**
     * Whether to offer the record forms: the roles the record pages declare (plan manager, delivery
     * lead), and the command side's lead rule on the leads the page already shows.
     */
    public boolean mayRecordOn(List<Lead> leads) {
        return (isManager() || isLead()) && ActionLeadership.mayUpdate(roles, userId, ActionLeadership.userIdsOf(leads));
    }

    /** Whether to offer Approve and Return on an update: the command side's rule, with the leads the page shows. */
    public boolean mayDecide(List<String> priorityLeads, String submittedBy) {
        return ActionLeadership.mayDecide(roles, userId, submittedBy,
                () -> priorityLeads == null ? Set.of() : Set.copyOf(priorityLeads));
    }

    public String roleNames() {
        return String.join(", ", roles.stream().map(Viewer::roleName).toList());
    }

    static String roleName(String role) {
        return switch (role) {
            case Roles.PLAN_MANAGER -> "Plan manager";
            case Roles.DELIVERY_LEAD -> "Delivery lead";
            case Roles.BOARD -> "Board member";
            case Roles.AUDITOR -> "Auditor";
            case Roles.SCRUTINY -> "Scrutiny committee";
            case Roles.COUNTY_ANALYST -> "County analyst";
            default -> role;
        };
    }
}
