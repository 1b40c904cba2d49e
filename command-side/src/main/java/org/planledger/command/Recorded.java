package org.planledger.command;

import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;
import org.planledger.events.PlanLedgerEvent;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What an aggregate has recorded under client-chosen ids (an action's notes, funding and risks, a
 * plan's priorities and readings...): the creating event by id, and which ids have since ended
 * (withdrawn, closed, retired). It holds the two rules every such record follows: a create with a
 * known id is a harmless retry when it says the same and a DUPLICATE_ID conflict otherwise, and a
 * command about an unknown or ended id is rejected with the record's own code.
 *
 * @param <E> the creating event
 */
final class Recorded<E extends PlanLedgerEvent> {

    private final String kind;
    private final String owner;
    private final String idField;
    private final RejectionCode notFound;
    private RejectionCode endedCode;
    private String endedState;
    private final Map<String, E> byId = new HashMap<>();
    private final Set<String> ended = new HashSet<>();

    private Recorded(String kind, String owner, String idField, RejectionCode notFound) {
        this.kind = kind;
        this.owner = owner;
        this.idField = idField;
        this.notFound = notFound;
    }

    /** Records that are only ever created (with an optional id), so only retries are recognised. */
    static <E extends PlanLedgerEvent> Recorded<E> of(String kind) {
        return new Recorded<>(kind, null, null, null);
    }

    /** Records that later commands name: an unknown id is rejected with {@code notFound} on {@code idField}. */
    static <E extends PlanLedgerEvent> Recorded<E> of(String kind, String owner, String idField, RejectionCode notFound) {
        return new Recorded<>(kind, owner, idField, notFound);
    }

    /** Records that can end: naming an ended one is rejected with {@code code}, saying it {@code state}. */
    Recorded<E> endedAs(RejectionCode code, String state) {
        this.endedCode = code;
        this.endedState = state;
        return this;
    }

    /** @return the creating event under {@code id}, or null (also for a null id) */
    E get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** For the event-sourcing handler: a creating event without an id is not kept. */
    void add(String id, E created) {
        if (id != null) {
            byId.put(id, created);
        }
    }

    void end(String id) {
        ended.add(id);
    }

    boolean contains(String id) {
        return get(id) != null;
    }

    /**
     * The date for a create under {@code id}. An undated retry means the date the first attempt was
     * given, not a new "today": otherwise a retry after midnight would differ and be refused.
     */
    LocalDate effectiveOn(String id, LocalDate given) {
        return BusinessDates.orFirst(given, get(id));
    }

    /**
     * Applies {@code created} as the record under {@code id}, after {@code guards} pass, unless it
     * repeats what is recorded there already: then nothing happens (the guards are not run, so a retry
     * succeeds however the aggregate has moved on since). The same id with different content is a
     * DUPLICATE_ID rejection.
     */
    void applyOnce(String id, E created, Runnable guards) {
        if (Rules.isRepeatOf(get(id), created, kind, id)) {
            return;
        }
        guards.run();
        apply(created);
    }

    /** Rejects an id the aggregate has no record of. */
    void require(String id) {
        if (!contains(id)) {
            throw new CommandRejectedException(notFound, idField, "the " + owner + " has no " + kind + " '" + id + "'");
        }
    }

    /** Rejects an id the aggregate has no record of, or whose record has ended. */
    void requireLive(String id) {
        require(id);
        if (ended.contains(id)) {
            throw new CommandRejectedException(endedCode, idField, "the " + kind + " '" + id + "' " + endedState);
        }
    }
}
