package dev.aap.core.pipeline;

import dev.aap.core.event.Event;
import dev.aap.core.integrate.ChangeDescription;
import dev.aap.core.integrate.PullRequestBody;
import dev.aap.core.policy.Policy;
import dev.aap.core.policy.PolicyDecision;
import dev.aap.core.run.ExitCodes;
import dev.aap.core.run.RunStatus;

import java.util.ArrayList;
import java.util.List;

/** review: the policy and the test integrity guard on the verified patch; writes pr.md either way. */
final class ReviewStep {

    /**
     * A change the guardrails let through.
     *
     * @param branch           the branch it goes to
     * @param commitMessage    its commit message, with the trailer naming the run
     * @param allowedTestEdits weakened tests the user allowed (recorded in run.json)
     */
    record Reviewed(String branch, String commitMessage, List<String> allowedTestEdits) {

        Reviewed {
            allowedTestEdits = List.copyOf(allowedTestEdits);
        }
    }

    private ReviewStep() {
    }

    static Next<Reviewed> run(RunScope s, PrepareStep.Prepared p, StrategyResult.Found found,
                              VerifyStep.Verified v) {
        s.events().emit(new Event.StepStarted("review"));
        var ws = p.workspace();
        PolicyDecision policy = Policy.load(ws.projectDir()).check(v.patch(), s.source().subdir(), ws.root());
        List<String> weakened = TestGuard.findings(v.patch(), s.source().subdir(), ws);
        boolean allowEdits = s.task().allowTestEdits();
        var reasons = new ArrayList<>(policy.reasons());
        if (!allowEdits) {
            reasons.addAll(weakened);
        }
        var decision = new PolicyDecision(reasons.isEmpty(), reasons);
        List<String> allowed = allowEdits ? weakened : List.of();
        s.rec().evidence(v.proof().evidence(), allowed);
        s.events().emit(new Event.PolicyDecided(decision.allowed(), decision.reasons()));
        var chosen = v.chosen();
        if (chosen.notes().criticVerdict() != null) {
            s.events().emit(new Event.CriticReviewed(chosen.notes().criticVerdict(), chosen.notes().criticNotes()));
        }
        var change = new ChangeDescription(s.id().value(), s.task().issue(), chosen.summary(), v.patch(),
                p.build().testCommandLine(), v.proof().proof().report().executed(),
                v.proof().evidence().failToPass(),
                found.solutions().stream().skip(1).limit(3).map(StrategyResult.Solution::summary).toList(),
                s.strategy().name(), chosen.notes(), p.base().kind(), v.proof().evidence(),
                allowed, found.stats().attempts());
        String branch = change.branchName();
        Checks.write(s.runDir().resolve("pr.md"), PullRequestBody.render(change, branch,
                decision.allowed() ? "all passed" : String.join("; ", decision.reasons())));
        if (!decision.allowed()) {
            return Next.end(s.rec().failed(RunStatus.NEEDS_HUMAN, ExitCodes.BLOCKED_BY_POLICY,
                    "blocked by policy: " + String.join("; ", decision.reasons())));
        }
        return Next.go(new Reviewed(branch, change.commitMessage(), allowed));
    }
}
