package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit reason names the uploaded file. */
class PlanImportControllerTest {

    @Test
    void theFileIsNamedByParameterThenContentDispositionElseUploadedFile() {
        assertThat(PlanImportController.sourceName("kettering.json", null)).isEqualTo("kettering.json");
        assertThat(PlanImportController.sourceName(null, "attachment; filename=\"charnwood.json\"")).isEqualTo("charnwood.json");
        assertThat(PlanImportController.sourceName(null, "attachment; filename=\"C:\\\\plans\\\\p.json\"")).isEqualTo("p.json");
        assertThat(PlanImportController.sourceName("  ", null)).isEqualTo("uploaded file");
        assertThat(PlanImportController.sourceName(null, "not a header;;=")).isEqualTo("uploaded file");
        assertThat(PlanImportController.sourceName("a\nb.json", null)).isEqualTo("ab.json");
        assertThat(PlanImportController.sourceName("x".repeat(500), null)).hasSize(200);
    }
}
