package dev.aap.core.pipeline;

import dev.aap.core.event.Event;

/**
 * integrate: the reviewed change as a commit on a new branch of the user's repository, once per run. A branch this
 * run published before its process died is taken as it is, so a resumed run never commits twice.
 */
final class IntegrateStep {

    private IntegrateStep() {
    }

    /** Publishes the change, or finds it published by an earlier process of the same run. */
    static Snapshots.IntegrateSnapshot run(RunScope s, PrepareStep.Prepared p, ReviewStep.Reviewed r) {
        s.events().emit(new Event.StepStarted("integrate"));
        long t0 = System.nanoTime();
        var earlier = p.workspace().publishedTip(r.branch(), marker(s));
        String commit = earlier.orElseGet(() -> p.workspace().publish(r.branch(), r.commitMessage()));
        s.events().emit(new Event.Integrated(r.branch(), commit));
        if (earlier.isPresent()) {
            s.events().emit(new Event.StepFinished("integrate", RunScope.ms(t0), "branch " + r.branch()
                    + " was published by an earlier process of this run; kept as it is"));
        }
        return new Snapshots.IntegrateSnapshot(Snapshots.V, r.branch(), commit);
    }

    /** integrate from its checkpoint: the branch is there already. */
    static void restored(RunScope s, Snapshots.IntegrateSnapshot snap) {
        s.events().emit(new Event.StepFinished("integrate", 0, Resume.SUMMARY + ": branch " + snap.branch()
                + " at " + snap.commit()));
    }

    /** What the trailer of {@link dev.aap.core.integrate.ChangeDescription#commitMessage()} says about the run. */
    private static String marker(RunScope s) {
        return " run " + s.id().value();
    }
}
