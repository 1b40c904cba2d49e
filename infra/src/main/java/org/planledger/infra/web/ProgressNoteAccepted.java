package org.planledger.infra.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to recording progress: the new note's id, to correct or withdraw it later. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressNoteAccepted(
        @Schema(example = "7d0c2c1e-5b8e-4bb5-a7a4-4f1a9f3b1f7e") String noteId,
        @Schema(example = "asb-1-1") String actionId,
        @Schema(description = "The action's version after the note; the ETag", example = "2") Long version) {
}
