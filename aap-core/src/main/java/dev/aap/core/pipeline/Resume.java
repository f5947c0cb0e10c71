package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.core.AapException;
import dev.aap.core.event.Event;
import dev.aap.core.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The checkpoints a run goes on from: loaded in step order up to the first that is missing or unreadable (that step
 * and the ones after it run again), and turned back into the steps' outputs.
 *
 * @param prepare   the prepare snapshot, or null when prepare runs
 * @param code      the code snapshot, or null when code runs
 * @param verify    the verify snapshot, or null when verify runs
 * @param review    the review snapshot, or null when review runs
 * @param integrate the integrate snapshot, or null when integrate runs
 */
record Resume(Snapshots.PrepareSnapshot prepare, Snapshots.CodeSnapshot code, Snapshots.VerifySnapshot verify,
              Snapshots.ReviewSnapshot review, Snapshots.IntegrateSnapshot integrate) {

    /** How a step taken from its checkpoint is reported in its {@code StepFinished} event. */
    static final String SUMMARY = "resumed from checkpoint";

    static final List<String> STEPS = List.of("prepare", "code", "verify", "review", "integrate");

    /** Loads what {@code checkpoints} hold; {@code warn} hears of each checkpoint that exists but cannot be used. */
    static Resume load(Checkpoints checkpoints, Consumer<String> warn) {
        var p = read(checkpoints, "prepare", Snapshots.PrepareSnapshot.class, warn);
        var c = p == null ? null : read(checkpoints, "code", Snapshots.CodeSnapshot.class, warn);
        var v = c == null ? null : read(checkpoints, "verify", Snapshots.VerifySnapshot.class, warn);
        if (v != null && v.chosen() >= c.solutions().size()) {
            warn.accept("checkpoint 'verify' names solution " + v.chosen() + " of " + c.solutions().size()
                    + "; verify runs again");
            v = null;
        }
        var r = v == null ? null : read(checkpoints, "review", Snapshots.ReviewSnapshot.class, warn);
        var i = r == null ? null : read(checkpoints, "integrate", Snapshots.IntegrateSnapshot.class, warn);
        return new Resume(p, c, v, r, i);
    }

    /** The steps taken from checkpoints, in order. */
    List<String> finishedSteps() {
        var out = new ArrayList<String>();
        Object[] snaps = {prepare, code, verify, review, integrate};
        for (int k = 0; k < snaps.length && snaps[k] != null; k++) {
            out.add(STEPS.get(k));
        }
        return out;
    }

    private static <T> T read(Checkpoints checkpoints, String step, Class<T> type, Consumer<String> warn) {
        Optional<JsonNode> node;
        try {
            node = checkpoints.load(step);
        } catch (AapException e) {
            warn.accept("checkpoint '" + step + "' cannot be read (" + RunScope.firstLine(e.getMessage())
                    + "); it and the steps after it run again");
            return null;
        }
        if (node.isEmpty()) {
            return null;
        }
        String[] problem = new String[1];
        Optional<T> snap = Snapshots.read(node.get(), type, problem);
        if (snap.isEmpty()) {
            warn.accept("checkpoint '" + step + "' is not usable (" + RunScope.firstLine(problem[0])
                    + "); it and the steps after it run again");
        }
        return snap.orElse(null);
    }

    /** code from its checkpoint: the plausible patches; the verify step applies them to the workspace. */
    static StrategyResult.Found code(RunScope s, Snapshots.CodeSnapshot snap) {
        StrategyResult.Found found = snap.toFound();
        s.rec().stats(found.stats());
        s.events().emit(new Event.StepFinished("code", 0, SUMMARY + ": " + found.solutions().size()
                + " plausible patch(es)"));
        return found;
    }

    /** verify from its checkpoint: the chosen solution is applied again, as the verify step leaves it. */
    static VerifyStep.Verified verify(RunScope s, PrepareStep.Prepared p, StrategyResult.Found found,
                                      Snapshots.VerifySnapshot snap) {
        StrategyResult.Solution chosen = found.solutions().get(snap.chosen());
        chosen.files().forEach(p.workspace()::write);
        Patch patch = Patch.parse(snap.patch());
        s.rec().patch(patch, chosen, found.solutions());
        Checks.write(s.runDir().resolve("patch.diff"), patch.diff());
        s.events().emit(new Event.StepFinished("verify", 0, SUMMARY + ": " + chosen.summary()));
        return new VerifyStep.Verified(chosen, new Verification.Outcome(snap.proof().toRun(), snap.evidence(), null),
                patch, dev.aap.core.coverage.DiffCoverage.unavailable("resumed from the verify checkpoint, whose test"
                        + " run is not repeated"));
    }

    static Snapshots.VerifySnapshot snapshot(StrategyResult.Found found, VerifyStep.Verified v) {
        return new Snapshots.VerifySnapshot(Snapshots.V, found.solutions().indexOf(v.chosen()), v.patch().diff(),
                Snapshots.TestRunSnapshot.of(v.proof().proof(), false), v.proof().evidence());
    }

    /** review from its checkpoint: the branch and message it let through. */
    static ReviewStep.Reviewed review(RunScope s, VerifyStep.Verified v, Snapshots.ReviewSnapshot snap) {
        s.rec().evidence(v.proof().evidence(), snap.allowedTestEdits());
        s.events().emit(new Event.StepFinished("review", 0, SUMMARY + ": branch " + snap.branch()));
        return new ReviewStep.Reviewed(snap.branch(), snap.commitMessage(), snap.allowedTestEdits());
    }

    static Snapshots.ReviewSnapshot snapshot(ReviewStep.Reviewed r) {
        return new Snapshots.ReviewSnapshot(Snapshots.V, r.branch(), r.commitMessage(), r.allowedTestEdits());
    }
}
