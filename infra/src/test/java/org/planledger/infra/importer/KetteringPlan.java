package org.planledger.infra.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Kettering Borough CSP plan 2013-2016 as shipped in the jar. */
final class KetteringPlan {

    static final String PLAN_ID = "kettering-csp-2013-2016";
    /** The plan's first action, the one {@link #withRatingsRefreshAndCompletion()} rates and completes. */
    static final String FIRST_ACTION = "asb-cleaner-weeks-of-action";

    private KetteringPlan() {
    }

    static byte[] bytes() {
        try (InputStream in = KetteringPlan.class.getResourceAsStream("/" + DemoPlanLoader.KETTERING_PLAN)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plan with what Kettering's file lacks: two RAG ratings and a completion on its first action, and
     * an annual refresh. The dates are later than anything the file says of that action, so every other
     * command stays as in {@link #bytes()} and the variant can be imported over it.
     */
    static byte[] withRatingsRefreshAndCompletion() {
        String plan = new String(bytes(), StandardCharsets.UTF_8);
        String firstActionsEnd = "\"rag\": [],\n              \"closure\": null";
        int at = plan.indexOf(firstActionsEnd);
        if (at < 0 || !plan.contains("\"refreshes\": []")) {
            throw new IllegalStateException("the Kettering file changed shape; update this variant");
        }
        String ratedAndCompleted = """
                "rag": [
                                { "status": "GREEN", "reason": null, "effectiveOn": "2013-09-01" },
                                { "status": "AMBER", "reason": "Funding for 2014/15 not yet agreed", "effectiveOn": "2013-12-01" }
                              ],
                              "closure": { "kind": "COMPLETED", "reason": "Became business as usual", "effectiveOn": "2014-03-31" }""";
        return (plan.substring(0, at) + ratedAndCompleted.strip() + plan.substring(at + firstActionsEnd.length()))
                .replace("\"refreshes\": []", "\"refreshes\": [ { \"effectiveOn\": \"2014-04-01\", "
                        + "\"note\": \"Strategic assessment 2014: priorities unchanged\" } ]")
                .getBytes(StandardCharsets.UTF_8);
    }
}
