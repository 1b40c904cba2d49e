package org.planledger.query.support;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedSequencesTest {

    private static Document apply(Document stored, Long sequence) {
        return AppliedSequences.record(new Document("_id", "x"), stored, sequence);
    }

    @Test
    void a_late_lower_sequence_is_not_taken_for_a_redelivery() {
        Document doc = apply(apply(apply(null, 5L), 6L), 8L);

        assertThat(AppliedSequences.contains(doc, 7L)).isFalse();
        assertThat(AppliedSequences.contains(doc, 4L)).isFalse();
        assertThat(AppliedSequences.contains(doc, 6L)).isTrue();

        Document after = apply(doc, 7L);
        assertThat(after.getList(AppliedSequences.APPLIED, Long.class)).containsExactly(5L, 6L, 7L, 8L);
        assertThat(after.getLong(AppliedSequences.LAST)).isEqualTo(8L);
        assertThat(AppliedSequences.contains(after, 7L)).isTrue();
        assertThat(apply(after, 7L).getList(AppliedSequences.APPLIED, Long.class)).containsExactly(5L, 6L, 7L, 8L);
    }

    @Test
    void keeps_the_last_thousand_dropping_the_smallest_but_never_the_one_just_applied() {
        Document doc = null;
        for (long sequence = 1_001; sequence <= 2_000; sequence++) {
            doc = apply(doc, sequence);
        }
        assertThat(doc.getList(AppliedSequences.APPLIED, Long.class)).hasSize(AppliedSequences.CAPACITY);

        doc = apply(doc, 2_001L);
        List<Long> applied = doc.getList(AppliedSequences.APPLIED, Long.class);
        assertThat(applied).hasSize(AppliedSequences.CAPACITY).startsWith(1_002L).endsWith(2_001L);

        // very late: lower than everything kept, still recorded so that its redelivery is skipped
        doc = apply(doc, 17L);
        applied = doc.getList(AppliedSequences.APPLIED, Long.class);
        assertThat(applied).hasSize(AppliedSequences.CAPACITY).startsWith(17L, 1_003L).endsWith(2_001L);
        assertThat(applied).isSorted();
        assertThat(AppliedSequences.contains(doc, 17L)).isTrue();
        assertThat(doc.getLong(AppliedSequences.LAST)).isEqualTo(2_001L);
    }

    @Test
    void events_without_a_sequence_are_always_applied_and_leave_the_fields_alone() {
        Document doc = apply(apply(null, 3L), null);
        assertThat(doc.getList(AppliedSequences.APPLIED, Long.class)).containsExactly(3L);
        assertThat(doc.getLong(AppliedSequences.LAST)).isEqualTo(3L);
        assertThat(AppliedSequences.contains(doc, null)).isFalse();
        assertThat(AppliedSequences.contains(null, 3L)).isFalse();

        Document fresh = apply(null, null);
        assertThat(fresh.getList(AppliedSequences.APPLIED, Long.class)).isEmpty();
        assertThat(fresh.get(AppliedSequences.LAST)).isNull();
    }

    @Test
    void a_document_written_before_applied_sequences_falls_back_to_its_watermark_until_rewritten() {
        Document legacy = new Document("_id", "x").append("lastSequence", 10L);
        assertThat(AppliedSequences.contains(legacy, 10L)).isTrue();
        assertThat(AppliedSequences.contains(legacy, 11L)).isFalse();

        Document rewritten = apply(legacy, 11L);
        assertThat(rewritten.getList(AppliedSequences.APPLIED, Long.class)).containsExactly(11L);
        assertThat(rewritten.getLong(AppliedSequences.LAST)).isEqualTo(11L);
        assertThat(AppliedSequences.contains(rewritten, 9L)).isFalse();
    }

    @Test
    void reads_numbers_whatever_integer_type_the_driver_gives_back() {
        Document stored = new Document("_id", "x").append("lastSequence", 3L)
                .append("appliedSequences", List.of(1, 2L, 3));
        assertThat(AppliedSequences.contains(stored, 2L)).isTrue();
        assertThat(apply(stored, 4L).getList(AppliedSequences.APPLIED, Long.class))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 4).boxed().toList());
    }
}
