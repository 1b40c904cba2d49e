package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar plan-ledger.jar import <file>}, run in-process without the web server. */
class ImportCommandLineTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    @Test
    void importsAFileThenRefusesABrokenOneWithExitCodeOne() throws IOException {
        Path kettering = Files.write(files.resolve("kettering.json"), KetteringPlan.bytes());
        Path broken = Files.writeString(files.resolve("broken.json"), "{\"formatVersion\": 1}", StandardCharsets.UTF_8);

        assertThat(ImportCommandLine.run(PlanLedgerApplication.class,
                new String[]{"import", kettering.toString(), "--planledger.data-dir=" + dataDir})).isZero();
        assertThat(ImportCommandLine.run(PlanLedgerApplication.class,
                new String[]{"import", broken.toString(), "--planledger.data-dir=" + dataDir})).isEqualTo(1);
        assertThat(ImportCommandLine.run(PlanLedgerApplication.class, new String[]{"import"})).isEqualTo(2);
    }
}
