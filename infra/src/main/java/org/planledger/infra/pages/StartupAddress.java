package org.planledger.infra.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the service is ready (after any demo import), which address to open in a browser. */
@Component
class StartupAddress {

    private static final Logger log = LoggerFactory.getLogger(StartupAddress.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Environment environment = event.getApplicationContext().getEnvironment();
        boolean demoUsers = environment.getProperty("planledger.security.demo-users", Boolean.class, true)
                && "basic".equalsIgnoreCase(environment.getProperty("planledger.security.authentication", ""));
        log.info(message(environment.getProperty("server.address"), web.getWebServer().getPort(), demoUsers));
    }

    static String message(String address, int port, boolean demoUsers) {
        String host = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
                ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        String open = "Plan Ledger is ready. Open http://" + host + ":" + port + "/ in a browser and sign in";
        return demoUsers
                ? open + " (demo users manager, lead1, lead2, board, auditor, scrutiny, manager2, county; password demo)."
                : open + ".";
    }
}
