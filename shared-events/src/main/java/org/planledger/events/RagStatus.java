package org.planledger.events;

public enum RagStatus {
    RED, AMBER, GREEN;

    /** Red and Amber ratings must say why: the board acts on the reason, not the colour. */
    public boolean needsReason() {
        return this != GREEN;
    }
}
