package org.planledger.events;

public enum ActionStatus {
    OPEN, COMPLETED, CEASED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
