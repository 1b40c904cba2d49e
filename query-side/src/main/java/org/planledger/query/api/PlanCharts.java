package org.planledger.query.api;

import java.util.List;

public record PlanCharts(String planId, List<RagPoint> rag, List<IndicatorSeries> indicators) {
}
