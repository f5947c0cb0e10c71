package dev.aap.core.pipeline;

import dev.aap.core.coverage.CoveragePolicy;
import dev.aap.core.event.Event;
import dev.aap.core.integrate.ChangeDescription;
import dev.aap.core.integrate.PullRequestBody;
import dev.aap.core.policy.Finding;
import dev.aap.core.policy.Policy;
import dev.aap.core.policy.RiskScore;
import dev.aap.core.policy.Sarif;
import dev.aap.core.policy.PolicyDecision;

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

    /** A test integrity finding ({@code file:line: reason}) as a review finding; allowed edits only warn. */
    private static Finding weakenedTest(String rendered, boolean allowed) {
        String[] parts = rendered.split(":", 3);
        int line = 0;
        if (parts.length == 3) {
            try {
                line = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                line = 0;
            }
        }
        return new Finding("test-weakened", allowed ? Finding.Severity.WARN : Finding.Severity.BLOCK,
                parts.length == 3 && line > 0 ? parts[0] : "", line, rendered);
    }

    static Next<Reviewed> run(RunScope s, PrepareStep.Prepared p, StrategyResult.Found found,
                              VerifyStep.Verified v) {
        s.events().emit(new Event.StepStarted("review"));
        var ws = p.workspace();
        var findings = new ArrayList<Finding>(Policy.load(ws.projectDir()).findings(v.patch(), s.source().subdir(),
                ws.root()));
        List<String> weakened = TestGuard.findings(v.patch(), s.source().subdir(), ws);
        boolean allowEdits = s.task().allowTestEdits();
        weakened.forEach(w -> findings.add(weakenedTest(w, allowEdits)));
        findings.addAll(PatchChecks.secrets(v.patch(), ws));
        findings.addAll(PatchChecks.constructs(v.patch(), s.source().subdir(), ws));
        findings.addAll(PatchChecks.gates(s, v.patch(), s.source().subdir(), ws, PrepareStep.baseCommit(p)));
        CoveragePolicy.load(ws.projectDir()).check(v.coverage()).ifPresent(findings::add);
        List<String> reasons = findings.stream().filter(Finding::blocks).map(Finding::message).toList();
        var decision = new PolicyDecision(reasons.isEmpty(), reasons);
        Checks.write(s.runDir().resolve("checks/review.sarif"), Sarif.render(findings, "0.1.0").toPrettyString());
        RiskScore risk = RiskScore.of(v.patch(), findings, v.coverage().ratio());
        s.rec().review(risk, v.coverage());
        List<String> allowed = allowEdits ? weakened : List.of();
        s.rec().evidence(v.proof().evidence(), allowed);
        s.events().emit(new Event.PolicyDecided(decision.allowed(), decision.reasons(), v.patch().sha256()));
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
                decision.allowed() ? "all passed" : String.join("; ", decision.reasons()), risk.level() + " ("
                        + risk.score() + "/100" + (risk.reasons().isEmpty() ? "" : ": " + String.join(", ",
                        risk.reasons())) + ")", v.coverage().summary()));
        if (!decision.allowed()) {
            return Next.end(s.rec().blocked(decision.reasons(),
                    "blocked by policy: " + String.join("; ", decision.reasons())));
        }
        return Next.go(new Reviewed(branch, change.commitMessage(), allowed));
    }
}
