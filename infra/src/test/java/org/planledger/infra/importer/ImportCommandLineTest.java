package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar plan-ledger.jar import [--dry-run] [--help] FILE}, run in-process without the web server. */
class ImportCommandLineTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ImportCommandLine.run(PlanLedgerApplication.class, args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void importsAFileThenRefusesABrokenOneWithExitCodeOne() throws IOException {
        Path kettering = Files.write(files.resolve("kettering.json"), KetteringPlan.bytes());
        Path broken = Files.writeString(files.resolve("broken.json"), "{\"formatVersion\": 1}", StandardCharsets.UTF_8);

        assertThat(run("import", "--dry-run", kettering.toString(), "--planledger.data-dir=" + dataDir)).isZero();
        assertThat(out.toString()).contains("dry run, nothing stored");
        assertThat(run("import", kettering.toString(), "--planledger.data-dir=" + dataDir)).isZero();
        assertThat(out.toString()).contains("created");
        assertThat(run("import", broken.toString(), "--planledger.data-dir=" + dataDir)).isEqualTo(1);
        assertThat(run("import")).isEqualTo(2);
    }

    @Test
    void aBadFileFailsBeforeAnythingStartsWithEveryProblemListed() throws IOException {
        Path broken = Files.writeString(files.resolve("broken.json"),
                "{\"formatVersion\": 2, \"plan\": {\"id\": \"p\", \"cadence\": \"WEEKLY\"}, \"priorities\": []}",
                StandardCharsets.UTF_8);
        long started = System.nanoTime();

        int exit = run("import", broken.toString(), "--planledger.data-dir=" + dataDir);

        assertThat(exit).isEqualTo(1);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds, no Spring start").isLessThan(5_000);
        assertThat(err.toString()).contains("broken.json", "plan: cadence must be one of", "plan: title is required but missing",
                "the file: priorities needs at least 1 entry");
        assertThat(Files.list(dataDir)).as("nothing started, nothing written").isEmpty();
    }

    @Test
    void helpPrintsUsageAndStartsNothing() throws IOException {
        assertThat(run("import", "--help")).isZero();
        assertThat(out.toString()).contains("--dry-run", "FILE", "Spring properties");
        assertThat(Files.list(dataDir)).isEmpty();
        assertThat(run("import", "--no-such-option", "x.json")).isEqualTo(2);
        assertThat(run("import", files.resolve("missing.json").toString())).isEqualTo(2);
    }
}
