package dev.aap.forge.flow;

/** Reports a push that moved a branch; a branch already at the commit was not pushed and is not reported. */
final class Pushes {

    private Pushes() {
    }

    static void record(ForgeAudit audit, String branch, BranchPush.Outcome outcome) {
        if (audit != null && outcome instanceof BranchPush.Outcome.Pushed(String commit, String how)
                && !how.equals("unchanged")) {
            audit.record(new ForgeAction.Pushed(branch, commit, how, how.equals("replaced")));
        }
    }
}
