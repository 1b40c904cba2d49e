package org.planledger.events;

/** A named lead; userId links the person to a login so they may update the actions they lead. */
public record Lead(String name, String organisation, String userId) {
}
