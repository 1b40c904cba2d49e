package org.planledger.query.api;

public record PriorityRag(String priorityId, String title, RagCounts rag) {
}
