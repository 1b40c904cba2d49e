package org.planledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.planledger.events.BoardPackIssued;
import org.springframework.stereotype.Component;

/**
 * BoardPackIssued revision 1 (before packs recorded their layout) read as revision 2 with
 * {@code layout} 1: every pack issued before the field existed was laid out under the first layout
 * (regular face only, no indicator charts). The stored bytes are never changed; only what is read is.
 */
@Component
public class BoardPackIssuedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(BoardPackIssued.class.getName(), "1");
    static final String REVISION_2 = "2";
    static final int FIRST_LAYOUT = 1;

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(BoardPackIssued.class.getName(), REVISION_2),
                JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode pack && !pack.hasNonNull("layout")) {
                        pack.put("layout", FIRST_LAYOUT);
                    }
                    return payload;
                });
    }
}
