package org.planledger.infra.importer;

import org.planledger.command.api.CommandRejectedException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar plan-ledger.jar import [--dry-run] [--help] FILE [--spring.xxx=...]}: checks the file
 * first, without starting anything, so a refused file fails in about a second with every problem listed;
 * then imports it into the configured store without the web server, printing progress and a summary
 * (created / revised / unchanged, and what is not yet imported). {@code --dry-run} shows what would change
 * and stores nothing. Any {@code --name=value} after the options is a Spring property, passed through.
 * Exit codes: 0 done, 1 the file or one of its commands was refused, 2 usage errors (also an unreadable file).
 */
public final class ImportCommandLine {

    public static final String COMMAND = "import";

    private ImportCommandLine() {
    }

    public static boolean isImport(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        return run(application, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int run(Class<?> application, String[] args, PrintWriter out, PrintWriter err) {
        String[] rest = args.length > 0 && COMMAND.equals(args[0]) ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        ImportCommand command = new ImportCommand(application, out, err);
        CommandLine commandLine = new CommandLine(command)
                .setOut(out)
                .setErr(err)
                .setUnmatchedArgumentsAllowed(true)
                .setUnmatchedOptionsArePositionalParams(false)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    err.println("the import failed: " + e);
                    return 1;
                });
        return commandLine.execute(rest);
    }

    @Command(name = "java -jar plan-ledger.jar import", sortOptions = false, usageHelpAutoWidth = true,
            description = {
                    "Imports a plan file (docs/plan-format.md) into the configured store,",
                    "or brings the store in line with a changed file: new records are created,",
                    "changed ones revised, the rest left alone. The file is checked before",
                    "anything starts; every problem is listed by record id.",
                    "Exit codes: 0 done, 1 the file or a command was refused, 2 usage errors.", ""},
            footer = {"", "Spring properties (--name=value) pass through, e.g.",
                    "  --planledger.data-dir=/var/lib/plan-ledger --spring.profiles.active=postgres"})
    static final class ImportCommand implements Callable<Integer> {

        private final Class<?> application;
        private final PrintWriter out;
        private final PrintWriter err;

        @Option(names = "--dry-run", description = "show what would change; store nothing")
        boolean dryRun;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help; start nothing")
        boolean help;

        @Parameters(index = "0", paramLabel = "FILE", description = "the plan file (JSON)")
        Path file;

        @Unmatched
        List<String> springArguments = new ArrayList<>();

        ImportCommand(Class<?> application, PrintWriter out, PrintWriter err) {
            this.application = application;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            for (String argument : springArguments) {
                if (!argument.startsWith("--") || !argument.contains("=")) {
                    err.println("not an option of import, nor a Spring property (--name=value): " + argument);
                    err.println("see: java -jar plan-ledger.jar import --help");
                    return 2;
                }
            }
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException | RuntimeException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            PlanDocument document;
            try {
                document = new PlanDocumentReader().read(content);
            } catch (InvalidPlanDocumentException e) {
                err.println(file.getFileName() + ": " + e.getMessage());
                return 1;
            }
            // Given as an argument so that it outranks the profile's own setting: an import brings in
            // the named file only, never the demo plans.
            List<String> spring = new ArrayList<>();
            spring.add("--planledger.demo.enabled=false");
            spring.addAll(springArguments);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .run(spring.toArray(String[]::new))) {
                PlanImporter importer = context.getBean(PlanImporter.class);
                importer.importDocument(document, ImportPlanner.LeadUserIds.FROM_FILE, file.getFileName().toString(),
                        System.getProperty("user.name", "cli"), dryRun, out::println);
                return 0;
            } catch (CommandRejectedException e) {
                err.println("the store refused a command of the import (" + e.code() + "): " + e.getMessage());
                err.println(dryRun ? "nothing was stored (dry run)" : "commands before it were applied");
                return 1;
            }
        }
    }
}
