package dev.aap.forge.flow;

/**
 * Where the forge flow reports each change it made on the forge; the server records them as audit records under the
 * forge identity ({@link dev.aap.forge.Forge#identity()}). Called after the change succeeded.
 */
@FunctionalInterface
public interface ForgeAudit {

    /** Records nothing: the flow outside a server, and tests that do not look. */
    ForgeAudit NONE = action -> {
    };

    void record(ForgeAction action);
}
