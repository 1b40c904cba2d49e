package org.planledger.command;

import org.axonframework.messaging.MetaData;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;
import org.planledger.events.AuditMetadata;

import java.util.Arrays;
import java.util.Set;

/**
 * A delivery lead may record progress, RAG, referrals, spend and risks only on the actions they
 * lead. The rule lives with the action's leads, so it holds the moment leads change, whatever
 * the read models have caught up with. Commands without a delivery-lead actor (a plan manager,
 * the importer) are not limited by it; who may send which command at all is the HTTP layer's job.
 */
final class ActionLeadership {

    static final String DELIVERY_LEAD = "DELIVERY_LEAD";
    static final String PLAN_MANAGER = "PLAN_MANAGER";

    private ActionLeadership() {
    }

    static void requireLeadOrManager(MetaData metaData, Set<String> leadUserIds, String actionId) {
        Set<String> roles = rolesOf(metaData);
        if (!roles.contains(DELIVERY_LEAD) || roles.contains(PLAN_MANAGER)) {
            return;
        }
        Object actor = metaData.get(AuditMetadata.ACTOR);
        if (actor == null || !leadUserIds.contains(actor.toString())) {
            throw new CommandRejectedException(RejectionCode.NOT_ACTION_LEAD,
                    "'" + actor + "' does not lead the action '" + actionId + "' and cannot update it");
        }
    }

    private static Set<String> rolesOf(MetaData metaData) {
        Object roles = metaData == null ? null : metaData.get(AuditMetadata.ACTOR_ROLES);
        if (roles == null) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(roles.toString().split(","))
                .map(String::trim).filter(role -> !role.isEmpty()).toList());
    }
}
