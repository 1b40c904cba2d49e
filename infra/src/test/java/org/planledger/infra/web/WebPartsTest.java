package org.planledger.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebPartsTest {

    @Test
    void ifMatchReadsEntityTags() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
        assertThat(IfMatch.expectedVersion("\"7\"")).isEqualTo(7L);
        assertThat(IfMatch.expectedVersion("W/\"7\"")).isEqualTo(7L);
        assertThat(IfMatch.expectedVersion("7")).isEqualTo(7L);
        assertThatThrownBy(() -> IfMatch.expectedVersion("\"-1\"")).isInstanceOf(InvalidHeaderException.class);
        assertThatThrownBy(() -> IfMatch.expectedVersion("abc")).isInstanceOf(InvalidHeaderException.class);
        assertThat(IfMatch.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void subjectReferencesAreRemovedAtAnyDepth() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                {"referrals":[{"referralId":"r1","subjectRef":"KT-041"}],
                 "changes":[{"field":"subjectRef","before":null,"after":"KT-041"},{"field":"title","after":"x"}],
                 "nested":{"deeper":[{"subjectRef":"KT-042","keep":1}]}}
                """);
        org.planledger.infra.security.SubjectReferences.redact(tree);
        assertThat(tree.toString()).doesNotContain("KT-04");
        assertThat(tree.path("referrals").get(0).path("referralId").asText()).isEqualTo("r1");
        assertThat(tree.path("changes").get(1).path("after").asText()).isEqualTo("x");
        assertThat(tree.path("nested").path("deeper").get(0).path("keep").asInt()).isEqualTo(1);
    }
}
