package org.planledger.infra.bench;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.planledger.events.ProgressRecorded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures projection lag: a writer notes when its command was acknowledged; an interceptor on
 * the board processor notes when the batch holding the resulting event committed (the board
 * projection writes its documents in the batch's prepare-commit phase, so after commit the board
 * view shows the note).
 */
final class LagProbe {

    static final String PREFIX = "lag-";

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> projected = new ConcurrentHashMap<>();

    ConfigurerModule module() {
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor("board", configuration -> interceptor());
    }

    private MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ProgressRecorded note && note.noteId().startsWith(PREFIX)) {
                unitOfWork.afterCommit(u -> projected.putIfAbsent(note.noteId(), System.nanoTime()));
            }
            return chain.proceed();
        };
    }

    void acknowledged(String noteId, long nanos) {
        acknowledged.put(noteId, nanos);
    }

    /**
     * Waits until every acknowledged note reached the board (at most {@code timeout}). The lag run
     * waits for this before {@code ReadModels.awaitCaughtUp}, whose reading of the whole event store
     * (about 26,000 events here) would otherwise compete for the CPU with the board's last batches and
     * be counted in their lag: a cost of the harness, not of projecting.
     */
    void awaitAllShown(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!projected.keySet().containsAll(acknowledged.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Lags in ms of the notes acknowledged so far; a note shown before its acknowledgement counts as 0. */
    List<Double> lagsAndReset() {
        List<Double> lags = new ArrayList<>();
        acknowledged.forEach((noteId, ack) -> {
            Long shown = projected.get(noteId);
            if (shown == null) {
                throw new IllegalStateException("note " + noteId + " never reached the board");
            }
            lags.add(Math.max(0, shown - ack) / 1e6);
        });
        acknowledged.clear();
        projected.clear();
        return lags;
    }
}
