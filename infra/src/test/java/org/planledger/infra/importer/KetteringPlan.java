package org.planledger.infra.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The Kettering Borough CSP plan 2013-2016 as shipped in the jar. */
final class KetteringPlan {

    static final String PLAN_ID = "kettering-csp-2013-2016";

    private KetteringPlan() {
    }

    static byte[] bytes() {
        try (InputStream in = KetteringPlan.class.getResourceAsStream("/" + DemoPlanLoader.KETTERING_PLAN)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
