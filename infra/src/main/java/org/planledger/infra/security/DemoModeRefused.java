package org.planledger.infra.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Demo users were asked for while the server would listen beyond loopback: the start is refused. */
public class DemoModeRefused extends IllegalStateException {

    private final String action;

    DemoModeRefused(String description, String action) {
        super(description + " " + action);
        this.action = action;
    }

    /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" block instead of a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<DemoModeRefused> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DemoModeRefused cause) {
            return new FailureAnalysis(cause.getMessage().replace(cause.action, "").strip(), cause.action, cause);
        }
    }
}
