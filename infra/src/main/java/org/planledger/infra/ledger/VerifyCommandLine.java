package org.planledger.infra.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar plan-ledger.jar verify [--spring.xxx=...]}: verifies the configured store's ledger
 * without the web server, the read models or the daily checkpoint, prints the report as JSON (as
 * {@code GET /api/ledger/verify} answers it) and exits 0 when verified, 1 when not, 2 on usage errors.
 */
public final class VerifyCommandLine {

    public static final String COMMAND = "verify";

    private VerifyCommandLine() {
    }

    public static boolean isVerify(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        return run(application, args, System.out, System.err);
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> spring = new ArrayList<>(List.of(
                // Only the store is needed: no projections (so no MongoDB), no demo plans, no daily checkpoint.
                "--planledger.query-side.enabled=false", "--planledger.demo.enabled=false",
                "--planledger.ledger.daily-checkpoint.enabled=false",
                // standard output carries the report: keep Spring's start-up chatter out of it (overridable)
                "--logging.level.root=WARN", "--spring.main.log-startup-info=false"));
        for (String argument : Arrays.copyOfRange(args, 1, args.length)) {
            if (argument.equals("--help") || argument.equals("-h")) {
                out.println("usage: java -jar plan-ledger.jar verify [--name=value ...]");
                out.println("Verifies the ledger of the configured store (docs/tamper-evidence.md) and prints the report as JSON.");
                out.println("Exit codes: 0 verified, 1 a break was found, 2 usage errors. Spring properties pass through, e.g.");
                out.println("  --planledger.data-dir=/var/lib/plan-ledger --spring.profiles.active=postgres");
                return 0;
            }
            if (!argument.startsWith("--") || !argument.contains("=")) {
                err.println("not a Spring property (--name=value): " + argument);
                err.println("see: java -jar plan-ledger.jar verify --help");
                return 2;
            }
            spring.add(argument);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run(spring.toArray(String[]::new))) {
            LedgerVerifier.Report report = context.getBean(LedgerVerifier.class).verify();
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return report.verified() ? 0 : 1;
        } catch (Exception e) {
            err.println("the verification could not run: " + e.getMessage());
            return 2;
        }
    }
}
