package org.planledger.infra.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.planledger.infra.security.SubjectReferences;
import org.springframework.stereotype.Component;

/**
 * The pages hide referral subject references from BOARD and SCRUTINY by the same rule, and the
 * same code ({@link SubjectReferences}), as the API's JSON: the query answer goes through a JSON
 * tree, loses every subjectRef, and comes back as the same type before a template sees it.
 * So no template can show one by mistake. The same trip reveals the personal fields stored encrypted.
 */
@Component
class PageRedaction {

    private final ObjectMapper objectMapper;

    PageRedaction(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    <T> T visibleTo(Viewer viewer, T answer, Class<T> type) {
        if (answer == null) {
            return answer;
        }
        // Through the tree for every viewer: writing it reveals the stored personal fields (or reads
        // them as erased) and notes the cases for the view log (PersonalDataReveal, docs/data-protection.md).
        JsonNode tree = objectMapper.valueToTree(answer);
        if (!viewer.canSeeSubjectReferences()) {
            SubjectReferences.redact(tree);
        }
        try {
            return objectMapper.treeToValue(tree, type);
        } catch (Exception e) {
            throw new IllegalStateException("could not redact a " + type.getSimpleName(), e);
        }
    }
}
