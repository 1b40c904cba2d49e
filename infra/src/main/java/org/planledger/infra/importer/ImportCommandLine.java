package org.planledger.infra.importer;

import org.planledger.command.api.CommandRejectedException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * {@code java -jar plan-ledger.jar import <file>}: imports a plan file into the configured store
 * without starting the web server, prints progress, and exits 0 on success, 1 when the file is
 * refused (every problem listed) or the store refuses one of its commands, 2 on usage errors.
 */
public final class ImportCommandLine {

    public static final String COMMAND = "import";

    private ImportCommandLine() {
    }

    public static boolean isImport(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java -jar plan-ledger.jar import <plan-file.json> [--spring.profiles.active=...]");
            return 2;
        }
        Path file = Path.of(args[1]);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        // Given as an argument so that it outranks the profile's own setting: an import brings in
        // the named file only, never the demo plan.
        String[] springArgs = Stream.concat(Stream.of("--planledger.demo.enabled=false"),
                Arrays.stream(args, 2, args.length)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(springArgs)) {
            PlanImporter importer = context.getBean(PlanImporter.class);
            importer.importFile(content, file.getFileName().toString(), System.getProperty("user.name", "cli"),
                    System.out::println);
            return 0;
        } catch (InvalidPlanDocumentException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (CommandRejectedException e) {
            System.err.println("the store refused a command of the import (" + e.code() + "): " + e.getMessage());
            System.err.println("commands before it were applied; ids already in the store with other content"
                    + " mean the file differs from what was imported before");
            return 1;
        }
    }
}
