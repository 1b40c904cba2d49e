package org.planledger.infra.security;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.ActionRegistered;
import org.planledger.events.PlanDrafted;
import org.planledger.events.PlanShareWithdrawn;
import org.planledger.events.PlanShared;
import org.planledger.events.ReferralRegistered;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which partnership each plan belongs to, whom it is shared with, and which plan each action and
 * referral case is under: what {@link PartnershipBoundary} needs to place a request. Kept from the
 * event store itself, not from a read model, so a plan drafted a moment ago is placed at once (a
 * read model follows a moment behind, and its write straight after would be refused): read once
 * when first asked (not at start: with Axon Server the store may not be reachable yet), then fed each
 * event as it is published, and read on from where it stopped when asked about an id it does not
 * know (a plan written by another instance of the service). A store that cannot be read fails the
 * request rather than let it through unplaced.
 * Only five small event types are deserialized; the rest are passed over by their type name.
 */
@Component
public class PartnershipIndex implements SmartInitializingSingleton {

    private static final Set<String> WANTED = Set.of(PlanDrafted.class.getName(), PlanShared.class.getName(),
            PlanShareWithdrawn.class.getName(), ActionRegistered.class.getName(), ReferralRegistered.class.getName());

    private final EventStore eventStore;
    private final Map<String, String> partnershipOfPlan = new ConcurrentHashMap<>();
    private final Map<String, String> partnershipNames = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sharesOfPlan = new ConcurrentHashMap<>();
    private final Map<String, String> planOfAction = new ConcurrentHashMap<>();
    private final Map<String, String> planOfReferral = new ConcurrentHashMap<>();
    private TrackingToken readTo;
    private volatile boolean loaded;

    public PartnershipIndex(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // subscribed before the store is first read: an event published meanwhile is seen twice, which is harmless
        eventStore.subscribe(this::onPublished);
    }

    private void loaded() {
        if (!loaded) {
            catchUp();
        }
    }

    private void onPublished(List<? extends EventMessage<?>> events) {
        events.forEach(this::take);
    }

    /** Reads the store on from where this last stopped. */
    synchronized void catchUp() {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(readTo)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                take(event);
                readTo = event.trackingToken();
            }
            loaded = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void take(EventMessage<?> message) {
        if (!WANTED.contains(message.getPayloadType().getName())) {
            return;
        }
        switch (message.getPayload()) {
            case PlanDrafted drafted -> {
                partnershipOfPlan.put(drafted.planId(), drafted.partnershipId());
                partnershipNames.put(drafted.partnershipId(), drafted.partnership());
            }
            case PlanShared shared -> sharesOfPlan.computeIfAbsent(shared.planId(), p -> ConcurrentHashMap.newKeySet())
                    .add(shared.withPartnershipId());
            case PlanShareWithdrawn withdrawn -> sharesOfPlan.getOrDefault(withdrawn.planId(), new HashSet<>())
                    .remove(withdrawn.withPartnershipId());
            case ActionRegistered action -> planOfAction.put(action.actionId(), action.planId());
            case ReferralRegistered referral -> planOfReferral.put(referral.referralId(), referral.planId());
            default -> {
            }
        }
    }

    /** The partnership of the plan, if the plan exists. */
    public Optional<String> partnershipOf(String planId) {
        return lookUp(partnershipOfPlan, planId);
    }

    public Optional<String> planOfAction(String actionId) {
        return lookUp(planOfAction, actionId);
    }

    public Optional<String> planOfReferral(String referralId) {
        return lookUp(planOfReferral, referralId);
    }

    /** The partnerships the plan is shared with (read only). */
    public Set<String> sharesOf(String planId) {
        loaded();
        return Set.copyOf(sharesOfPlan.getOrDefault(planId, Set.of()));
    }

    /** Every plan with its partnership. */
    public Map<String, String> plans() {
        loaded();
        return Map.copyOf(partnershipOfPlan);
    }

    /** The partnership's name as its latest drafted plan gave it. */
    public String nameOf(String partnershipId) {
        return partnershipNames.getOrDefault(partnershipId, partnershipId);
    }

    private Optional<String> lookUp(Map<String, String> map, String id) {
        if (id == null) {
            return Optional.empty();
        }
        loaded();
        String found = map.get(id);
        if (found == null) {
            catchUp();
            found = map.get(id);
        }
        return Optional.ofNullable(found);
    }
}
