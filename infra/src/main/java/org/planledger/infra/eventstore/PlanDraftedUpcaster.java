package org.planledger.infra.eventstore;

import com.fasterxml.jackson.databind.node.TextNode;
import org.planledger.events.PartnershipIds;
import org.planledger.events.PlanDrafted;
import org.springframework.stereotype.Component;

/**
 * PlanDrafted revision 1 (before plans belonged to a partnership by id) read as revision 2: the
 * {@code partnershipId} is derived from the partnership's name, as a plan drafted today without one
 * gets it ({@link PartnershipIds#fromName}).
 */
@Component
public class PlanDraftedUpcaster extends FieldAddingUpcaster {

    public PlanDraftedUpcaster() {
        super(PlanDrafted.class, "1", "2", "partnershipId",
                plan -> TextNode.valueOf(PartnershipIds.fromName(plan.path("partnership").asText(null))));
    }
}
