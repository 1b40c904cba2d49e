package org.planledger.infra.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BoardVersionsTest {

    /** The board documents' versions as the store holds them, counting the reads. */
    private static final class Store {
        final Map<String, Long> versions = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        Runnable duringRead = () -> { };

        Optional<Long> read(String planId) {
            reads.incrementAndGet();
            Optional<Long> version = Optional.ofNullable(versions.get(planId));
            duringRead.run();
            return version;
        }
    }

    @Test
    void whileThisProcessProjectsAKeptVersionChangesOnlyWhenAnnounced() {
        Store store = new Store();
        store.versions.put("p", 5L);
        BoardVersions versions = new BoardVersions(store::read, () -> true, Duration.ofHours(1), 100);

        assertThat(versions.version("p")).contains(5L);
        assertThat(versions.version("p")).contains(5L);
        assertThat(store.reads).as("the second answer from memory").hasValue(1);

        store.versions.put("p", 6L);
        versions.announced("p");
        assertThat(versions.version("p")).as("announced: read again").contains(6L);
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void aVersionReadWhileTheProjectionCommitsIsNotKeptAsCurrent() {
        Store store = new Store();
        store.versions.put("p", 5L);
        BoardVersions versions = new BoardVersions(store::read, () -> true, Duration.ofHours(1), 100);
        // the store answers 5, then the batch writing 6 commits and announces before the answer is kept
        store.duringRead = () -> {
            store.duringRead = () -> { };
            store.versions.put("p", 6L);
            versions.announced("p");
        };
        assertThat(versions.version("p")).contains(5L);
        assertThat(versions.version("p")).as("the next request sees the announced write").contains(6L);
    }

    @Test
    void withoutTheSegmentEveryRequestReadsTheStoreAndRegainingItForgetsWhatWasKept() {
        Store store = new Store();
        store.versions.put("p", 5L);
        AtomicBoolean holdsSegment = new AtomicBoolean(true);
        BoardVersions versions = new BoardVersions(store::read, holdsSegment::get, Duration.ofHours(1), 100);
        assertThat(versions.version("p")).contains(5L);

        holdsSegment.set(false);
        store.versions.put("p", 6L); // another process projects: no announcement here
        assertThat(versions.version("p")).contains(6L);
        assertThat(versions.version("p")).contains(6L);
        assertThat(store.reads).hasValue(3);

        store.versions.put("p", 7L);
        holdsSegment.set(true);
        assertThat(versions.version("p")).as("what was kept before the segment came back is forgotten").contains(7L);
    }

    @Test
    void aPlanWithoutADocumentHasNoVersionUntilItsFirstAnnouncement() {
        Store store = new Store();
        BoardVersions versions = new BoardVersions(store::read, () -> true, Duration.ofHours(1), 100);
        assertThat(versions.version("new")).isEmpty();
        store.versions.put("new", 1L);
        assertThat(versions.version("new")).isEmpty();
        versions.announced("new");
        assertThat(versions.version("new")).contains(1L);
    }
}
