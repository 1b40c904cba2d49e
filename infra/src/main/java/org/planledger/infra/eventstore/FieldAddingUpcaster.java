package org.planledger.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Function;

/**
 * The usual shape of a new revision here: an event gains one field, and events stored under the
 * previous revision are read with that field filled in from what they already hold. The stored bytes
 * are never changed (the ledger's hash chain covers them); only what is read is. A stored payload that
 * already carries the field keeps its own value.
 */
abstract class FieldAddingUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType stored;
    private final SimpleSerializedType read;
    private final String field;
    private final Function<ObjectNode, JsonNode> valueFor;

    /**
     * @param event        the event class
     * @param fromRevision the stored revision this upcaster reads
     * @param toRevision   the revision it reads it as
     * @param field        the field the new revision added
     * @param valueFor     the field's value for a stored payload that lacks it
     */
    FieldAddingUpcaster(Class<?> event, String fromRevision, String toRevision, String field,
                        Function<ObjectNode, JsonNode> valueFor) {
        this.stored = new SimpleSerializedType(event.getName(), fromRevision);
        this.read = new SimpleSerializedType(event.getName(), toRevision);
        this.field = field;
        this.valueFor = valueFor;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return stored.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(read, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode object && !object.hasNonNull(field)) {
                object.set(field, valueFor.apply(object));
            }
            return payload;
        });
    }
}
