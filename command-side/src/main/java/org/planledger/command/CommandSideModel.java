package org.planledger.command;

import java.util.List;

/**
 * What the command side contributes to an Axon configuration. The aggregates stay package-private;
 * the runtime registers them from this list rather than by classpath scanning, so the command side
 * needs no Spring stereotypes.
 */
public final class CommandSideModel {

    private CommandSideModel() {
    }

    public static List<Class<?>> aggregateTypes() {
        return List.of(Plan.class, Action.class, Referral.class);
    }
}
