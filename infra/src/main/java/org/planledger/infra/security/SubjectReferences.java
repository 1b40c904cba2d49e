package org.planledger.infra.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Referral subject references taken out of an answer for a reader who may not see them (see
 * {@link Roles#maySeeSubjectReferences}): any property named {@code subjectRef}, at any depth, and
 * the values of a change entry about that field. The API's JSON and the web pages both use it.
 */
public final class SubjectReferences {

    private SubjectReferences() {
    }

    /** Removes subject references from the tree in place. */
    public static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode field = object.get("field");
            if (field != null && field.isTextual() && isSubjectRef(field.asText())) {
                object.remove(java.util.List.of("before", "after", "value", "from", "to"));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (isSubjectRef(entry.getKey())) {
                    fields.remove();
                } else {
                    redact(entry.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SubjectReferences::redact);
        }
    }

    private static boolean isSubjectRef(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("subjectref") || lower.equals("subjectreference") || lower.endsWith(".subjectref");
    }
}
