package org.planledger.query.plan;

import java.time.LocalDate;

public record BoardMeetingView(String meetingId, LocalDate heldOn, String title) {
}
