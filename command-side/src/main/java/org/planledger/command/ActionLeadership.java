package org.planledger.command;

import org.axonframework.messaging.MetaData;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;
import org.planledger.events.AuditMetadata;
import org.planledger.events.Lead;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one rule for who leads an action: a delivery lead may record progress, RAG, referrals,
 * spend and risks, and decide referral cases, only on the actions they lead (a lead named with
 * their userId). The rule lives with the action's leads, so it holds the moment leads change,
 * whatever the read models have caught up with. Callers without the delivery-lead role, or who are
 * also plan managers (or the importer), are not limited by it; which roles may send a command at
 * all is declared on the HTTP endpoints.
 * <p>
 * Everyone asks this class: the Action for its own commands; the Referral for the case's commands,
 * with its action's leads read by {@link ActionLeads} (a case lives in its own stream and does not
 * keep a copy of the leads, which would have to be kept in step); the web pages, with the leads
 * the action page already shows, to decide whether to offer the record forms.
 */
public final class ActionLeadership {

    static final String DELIVERY_LEAD = "DELIVERY_LEAD";
    static final String PLAN_MANAGER = "PLAN_MANAGER";

    private ActionLeadership() {
    }

    /** Whether the lead rule limits someone with these roles: a delivery lead who is not also a plan manager. */
    public static boolean limits(Set<String> roles) {
        return roles.contains(DELIVERY_LEAD) && !roles.contains(PLAN_MANAGER);
    }

    /** Whether someone with these roles may update an action whose leads have these user ids. */
    public static boolean mayUpdate(Set<String> roles, String userId, Set<String> leadUserIds) {
        return !limits(roles) || (userId != null && leadUserIds.contains(userId));
    }

    /**
     * Who may approve or return an update submitted for approval: a plan manager; or a delivery lead
     * whose user id the action's priority names among its leads, on that priority's actions, but never
     * their own submission (sign-off is by someone else). Read the priority's leads only when needed.
     */
    public static boolean mayDecide(Set<String> roles, String userId, String submittedBy, Supplier<Set<String>> priorityLeads) {
        if (roles.contains(PLAN_MANAGER)) {
            return true;
        }
        return roles.contains(DELIVERY_LEAD) && userId != null && !userId.equals(submittedBy)
                && priorityLeads.get().contains(userId);
    }

    /** The user ids of the leads who sign in (a lead without a userId leads on paper only). */
    public static Set<String> userIdsOf(Collection<Lead> leads) {
        Set<String> userIds = new HashSet<>();
        if (leads != null) {
            for (Lead lead : leads) {
                if (lead.userId() != null && !lead.userId().isBlank()) {
                    userIds.add(lead.userId());
                }
            }
        }
        return Set.copyOf(userIds);
    }

    static void requireLeadOrManager(MetaData metaData, Set<String> leadUserIds, String actionId) {
        requireLeadOrManager(metaData, () -> leadUserIds, actionId);
    }

    /** Whether the sender named in the metadata may update the action; the leads are read only when the rule applies. */
    static boolean permits(MetaData metaData, Supplier<Set<String>> leadUserIds) {
        Set<String> roles = rolesOf(metaData);
        if (!limits(roles)) {
            return true;
        }
        Object actor = metaData.get(AuditMetadata.ACTOR);
        return mayUpdate(roles, actor == null ? null : actor.toString(), leadUserIds.get());
    }

    /** As above, reading the leads only when the rule applies. */
    static void requireLeadOrManager(MetaData metaData, Supplier<Set<String>> leadUserIds, String actionId) {
        if (!permits(metaData, leadUserIds)) {
            Object actor = metaData.get(AuditMetadata.ACTOR);
            throw new CommandRejectedException(RejectionCode.NOT_ACTION_LEAD,
                    "'" + actor + "' does not lead the action '" + actionId + "' and cannot update it");
        }
    }

    static Set<String> rolesOf(MetaData metaData) {
        Object roles = metaData == null ? null : metaData.get(AuditMetadata.ACTOR_ROLES);
        if (roles == null) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(roles.toString().split(","))
                .map(String::trim).filter(role -> !role.isEmpty()).toList());
    }
}
