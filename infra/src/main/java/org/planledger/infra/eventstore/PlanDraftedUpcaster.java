package org.planledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.planledger.events.PartnershipIds;
import org.planledger.events.PlanDrafted;
import org.springframework.stereotype.Component;

/**
 * PlanDrafted revision 1 (before plans belonged to a partnership by id) read as revision 2: the
 * {@code partnershipId} is derived from the partnership's name, as a plan drafted today without one
 * gets it ({@link PartnershipIds#fromName}). The stored bytes are never changed (the ledger's hash
 * chain covers them); only what is read is.
 */
@Component
public class PlanDraftedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(PlanDrafted.class.getName(), "1");
    static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(PlanDrafted.class.getName(), REVISION_2),
                JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode plan && !plan.hasNonNull("partnershipId")) {
                        plan.put("partnershipId", PartnershipIds.fromName(plan.path("partnership").asText(null)));
                    }
                    return payload;
                });
    }
}
