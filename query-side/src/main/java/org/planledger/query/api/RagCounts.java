package org.planledger.query.api;

public record RagCounts(int red, int amber, int green, int unrated) {

    public static final RagCounts NONE = new RagCounts(0, 0, 0, 0);

    public RagCounts plus(RagCounts other) {
        return new RagCounts(red + other.red, amber + other.amber, green + other.green, unrated + other.unrated);
    }
}
