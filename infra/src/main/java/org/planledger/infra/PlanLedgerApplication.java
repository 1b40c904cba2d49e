package org.planledger.infra;

import org.planledger.infra.importer.ImportCommandLine;
import org.planledger.infra.ledger.VerifyCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Plan Ledger service. With no configuration it runs on the {@code embedded} profile: events
 * in an H2 file database, read models in an in-process MongoDB wire server, both under
 * {@code planledger.data-dir}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlanLedgerApplication {

    public static void main(String[] args) {
        if (ImportCommandLine.isImport(args)) {
            System.exit(ImportCommandLine.run(PlanLedgerApplication.class, args));
        }
        if (VerifyCommandLine.isVerify(args)) {
            System.exit(VerifyCommandLine.run(PlanLedgerApplication.class, args));
        }
        SpringApplication.run(PlanLedgerApplication.class, args);
    }
}
