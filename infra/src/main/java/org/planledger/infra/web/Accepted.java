package org.planledger.infra.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a command endpoint answers: the id of the thing created or changed and the version its
 * aggregate reached (also sent as ETag; absent when a repeated create changed nothing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The id of the record created or changed, and the version to send in If-Match next time")
public record Accepted(
        @Schema(example = "asb-1") String id,
        @Schema(description = "Aggregate version after the change; the ETag", example = "4") Long version) {
}
