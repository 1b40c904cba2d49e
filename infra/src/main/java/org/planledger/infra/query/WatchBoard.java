package org.planledger.infra.query;

/**
 * A subscription to one plan's board, for the live pages: answered at once with the board's
 * read-model version (-1 while there is no board), then updated with a {@link BoardChanged} each
 * time an event batch changes that board.
 */
public record WatchBoard(String planId) {
}
