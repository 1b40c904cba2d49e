package org.planledger.query.api;

import java.time.LocalDate;
import java.util.List;

/** kind is BOARD_MEETING or ANNUAL_REFRESH; rag as the plan stood on that date. */
public record TimelinePoint(String kind, String id, LocalDate date, String title, RagCounts rag,
                            List<PriorityRag> priorities) {
}
