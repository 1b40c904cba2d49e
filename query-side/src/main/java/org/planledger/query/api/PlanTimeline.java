package org.planledger.query.api;

import java.util.List;

public record PlanTimeline(String planId, List<TimelinePoint> points) {
}
