package org.planledger.query.api;

import org.planledger.query.plan.BoardMeetingView;

import java.util.List;

/** meetings in date order; issued in the order the packs were issued. */
public record BoardPacks(String planId, String title, List<BoardMeetingView> meetings, List<IssuedBoardPack> issued) {
}
