package dev.aap.cli;

import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.ModelSpec;
import dev.aap.agent.model.Models;
import dev.aap.core.BadInputException;
import dev.aap.core.pipeline.Checkpoints;
import dev.aap.core.pipeline.Pipeline;
import dev.aap.core.pipeline.TaskFile;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aap fix}: the main job. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Find, verify and commit a change to a git repository: a fix for its failing tests (repair),"
                + " an issue resolved with new tests that reproduce it (issue, needs a model), or code that tests"
                + " written first need (tdd, needs a model)."},
        footer = {"", "Exit codes: 0 verified patch, 1 none found within budget, 2 bad input,"
                + " 3 environment problem, 4 blocked by policy, 130 interrupted."})
final class FixCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** The options that define a task: a resumed run keeps the one it recorded, so they may not be given with it. */
    private static final List<String> TASK_OPTIONS = List.of("--repo", "--test", "--issue", "--issue-file",
            "--target-test", "--allow-test-edits", "--strategy", "--budget-seconds", "--max-candidates", "--model",
            "--base-url");

    @Option(names = "--repo", description = "Git repository (or a project directory inside one); required unless"
            + " --resume is given.")
    private Path repo;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Go on with an interrupted or cancelled run from"
            + " its last finished step (the steps before are taken from its checkpoints), with the task it recorded:"
            + " --repo, --test, --issue, --target-test, --strategy, --model and the like may not be given.")
    private String resume;

    @Option(names = "--test", description = "Test command overriding the detected one (run with sh -c).")
    private String test;

    @Option(names = "--issue", description = "Issue text or goal (the agent's task; also the branch name and PR body).")
    private String issue;

    @Option(names = "--issue-file", description = "Read the issue text from this file (e.g. an exported issue).")
    private Path issueFile;

    @Option(names = "--target-test", paramLabel = "ID", description = "A failing test to fix (repeatable:"
            + " pkg.ClassTest#method, pkg.ClassTest, tests/test_x.py::test_y); other tests failing at the base commit"
            + " may keep failing and are listed as pre-existing. Default: every failing test.")
    private List<String> targetTests = new java.util.ArrayList<>();

    @Option(names = "--allow-test-edits", description = "Allow changes that weaken existing tests (removed tests or"
            + " assertions, changed expectations, added skips); they are listed in pr.md.")
    private boolean allowTestEdits;

    @Option(names = "--strategy", defaultValue = "auto", description = "Brain: auto (default: llm when a model is"
            + " configured, else search), search (offline), llm (model agent), hybrid (search first, then llm).")
    private String strategy;

    @Option(names = "--budget-seconds", description = "Wall-time budget for localizing and searching or for the"
            + " agent (default: 300 for search, 900 for llm and hybrid: models answer in seconds, not milliseconds).")
    private Integer budgetSeconds;

    @Option(names = "--max-candidates", defaultValue = "5000", description = "Most candidates to validate (default: ${DEFAULT-VALUE}).")
    private int maxCandidates;

    @Option(names = "--dry-run", description = "Verify and write artifacts, but create no branch.")
    private boolean dryRun;

    @Option(names = "--forge", paramLabel = "github|gitlab", description = "Work on a forge issue: read it from"
            + " GitHub or GitLab (token from GITHUB_TOKEN or GITLAB_TOKEN), clone --repo-url under AAP_HOME/repos.")
    private String forge;

    @Option(names = "--repo-url", paramLabel = "URL", description = "With --forge: the repository's HTTPS clone"
            + " address, e.g. https://github.com/owner/name.git.")
    private String repoUrl;

    @Option(names = "--issue-ref", paramLabel = "N", description = "With --forge: the issue number (GitLab: iid).")
    private long issueRef;

    @Option(names = "--open-pr", description = "With --forge: react and keep a progress comment on the issue, push"
            + " branch aap/issue-N and open (or update) a draft pull request.")
    private boolean openPr;

    @Option(names = "--forge-api", paramLabel = "URL", description = "With --forge: the API address for GitHub"
            + " Enterprise (https://HOST/api/v3) or self-managed GitLab (https://HOST); default: from --repo-url.")
    private String forgeApi;

    @picocli.CommandLine.Mixin
    private RunOptions run;

    @picocli.CommandLine.Mixin
    private AgentOptions agentOptions;

    @Override
    public Integer call() {
        if (resume != null) {
            return resumeRun();
        }
        if (forge == null && (repoUrl != null || issueRef != 0 || openPr || forgeApi != null)) {
            throw new BadInputException("--repo-url, --issue-ref, --open-pr and --forge-api go with --forge github"
                    + " or --forge gitlab");
        }
        if (forge != null) {
            return forgeRun();
        }
        if (repo == null) {
            throw new BadInputException("give --repo (the repository to work on), or --resume RUN_ID to go on with an"
                    + " interrupted run");
        }
        if (budgetSeconds != null && budgetSeconds <= 0) {
            throw new BadInputException("--budget-seconds must be positive, got " + budgetSeconds);
        }
        if (maxCandidates <= 0) {
            throw new BadInputException("--max-candidates must be positive, got " + maxCandidates);
        }
        RunStore store = RunStore.open(RunStore.defaultHome());
        UserConfig config = UserConfig.load(store.home());
        String chosenModel = agentOptions.model(config);
        String chosenUrl = agentOptions.baseUrl(config, chosenModel);
        var agent = agentOptions.settings(store.home(), config, chosenModel);
        String issueText = issueText();
        String brain = Strategies.resolve(strategy, chosenModel);
        if (!brain.equals("search")) {
            // a bad --model or a missing key should fail now, not after the baseline build
            Models.connect(ModelSpec.parseChain(chosenModel, chosenUrl), ModelSettings.defaults());
        }
        var task = new Task(repo, issueText, test, brain, Duration.ofSeconds(budgetSeconds != null ? budgetSeconds
                : brain.equals("search") ? 300 : 900), maxCandidates, chosenModel,
                chosenUrl, null, targetTests, allowTestEdits);
        return execute(store, agent, task, RunId.next());
    }

    /** {@code --forge}: the issue from the forge, the forge's repository, and with --open-pr a pull request. */
    private Integer forgeRun() {
        if (repo != null || issue != null || issueFile != null) {
            throw new BadInputException("with --forge the repository and the issue come from the forge: drop --repo,"
                    + " --issue and --issue-file");
        }
        if (openPr && dryRun) {
            throw new BadInputException("--open-pr needs a branch: drop --dry-run");
        }
        RunStore store = RunStore.open(RunStore.defaultHome());
        UserConfig config = UserConfig.load(store.home());
        var env = config.forgeEnvironment(System.getenv());
        var err = spec.commandLine().getErr();
        ForgeFix.Prepared p;
        try {
            p = ForgeFix.prepare(store.home(), env, forge, repoUrl, issueRef, forgeApi);
        } catch (dev.aap.forge.ForgeException e) {
            throw new dev.aap.core.EnvironmentException(e.getMessage());
        }
        if (!run.quiet) {
            err.println("aap: issue #" + p.issue().number() + " of " + p.forge().repository() + ": "
                    + p.issue().title() + " (base " + p.baseBranch() + " at " + p.baseCommit().substring(0, 12) + ")");
        }
        String chosenModel = agentOptions.model(config);
        String chosenUrl = agentOptions.baseUrl(config, chosenModel);
        var agent = agentOptions.settings(store.home(), config, chosenModel);
        String brain = Strategies.resolve(strategy, chosenModel);
        if (!brain.equals("search")) {
            Models.connect(ModelSpec.parseChain(chosenModel, chosenUrl), ModelSettings.defaults());
        }
        var task = new Task(p.checkout(), p.issueText(), test, brain, Duration.ofSeconds(budgetSeconds != null
                ? budgetSeconds : brain.equals("search") ? 300 : 900), maxCandidates, chosenModel, chosenUrl,
                p.baseCommit(), targetTests, allowTestEdits);
        RunId id = RunId.next();
        if (!openPr) {
            return execute(store, agent, task, id, List.of());
        }
        var issueRun = new dev.aap.forge.flow.IssueRun(p.forge(), p.issue().number(), id.value(), null);
        try {
            issueRun.begin(null);
        } catch (dev.aap.forge.ForgeException e) {
            throw new dev.aap.core.EnvironmentException("cannot comment on the issue: " + e.getMessage());
        }
        RunResult result = executeForResult(store, agent, task, id, List.of(ForgeFix.progress(issueRun)));
        try {
            var published = ForgeFix.publish(p, issueRun, result);
            err.println("aap: " + published.summary());
            if (result.exitCode() == 0 && !published.pushed()) {
                return dev.aap.core.run.ExitCodes.NOT_FOUND;
            }
        } catch (dev.aap.forge.ForgeException e) {
            err.println("aap: error: " + e.getMessage());
            return dev.aap.core.run.ExitCodes.ENVIRONMENT;
        }
        return result.exitCode();
    }

    /** {@code --resume}: the recorded task of a run that did not finish, from its checkpoints on. */
    private Integer resumeRun() {
        List<String> given = TASK_OPTIONS.stream()
                .filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o)).toList();
        if (!given.isEmpty()) {
            throw new BadInputException("--resume goes on with the task the run recorded; drop "
                    + String.join(", ", given));
        }
        if (!RunId.isValid(resume)) {
            throw new BadInputException("'" + resume + "' is not a run id; 'aap runs' lists them");
        }
        RunStore store = RunStore.open(RunStore.defaultHome());
        RunId id = new RunId(resume);
        Path dir = store.runDir(id);
        if (!Files.isRegularFile(dir.resolve("task.json"))) {
            throw new BadInputException("no run " + resume + " to resume in " + store.home() + "; 'aap runs' lists"
                    + " them");
        }
        RunStatus status = store.read(id).map(RunResult::status).orElse(RunStatus.RUNNING);
        if (status == RunStatus.SUCCEEDED || status == RunStatus.FAILED || status == RunStatus.NEEDS_HUMAN
                || status == RunStatus.NEEDS_INPUT) {
            throw new BadInputException("run " + resume + " already finished " + status + "; only an interrupted or"
                    + " cancelled run can be resumed");
        }
        Task task = TaskFile.read(dir);
        UserConfig config = UserConfig.load(store.home());
        var agent = agentOptions.settings(store.home(), config, task.model());
        if (!task.strategy().equals("search")) {
            Models.connect(ModelSpec.parseChain(task.model(), task.baseUrl()), ModelSettings.defaults());
        }
        if (!run.quiet) {
            spec.commandLine().getErr().println("aap: resuming run " + resume + " (" + status.name().toLowerCase(
                    java.util.Locale.ROOT) + ") of " + task.repo() + " from its checkpoints");
        }
        return execute(store, agent, task, id);
    }

    /** Runs {@code task} as run {@code id}, its steps recorded in the run directory so that it can be resumed. */
    private Integer execute(RunStore store, dev.aap.agent.AgentSettings agent, Task task, RunId id) {
        return execute(store, agent, task, id, List.of());
    }

    private Integer execute(RunStore store, dev.aap.agent.AgentSettings agent, Task task, RunId id,
                            List<dev.aap.core.event.EventListener> more) {
        return executeForResult(store, agent, task, id, more).exitCode();
    }

    private RunResult executeForResult(RunStore store, dev.aap.agent.AgentSettings agent, Task task, RunId id,
                                       List<dev.aap.core.event.EventListener> more) {
        var err = spec.commandLine().getErr();
        Sandbox box = Sandbox.select(run.sandbox);
        if (!box.isolates() && "auto".equals(run.sandbox)) {
            err.println("aap: warning: bubblewrap is not usable here (" + Sandbox.bwrapProblem()
                    + "); running tests WITHOUT a sandbox");
        }
        var listeners = new java.util.ArrayList<dev.aap.core.event.EventListener>();
        listeners.add(new ProgressPrinter(err, run.quiet));
        listeners.add(new dev.aap.core.audit.AuditTrail(dev.aap.core.audit.AuditLog.open(store.home()), id.value(),
                "user:" + System.getProperty("user.name", "unknown")));
        listeners.addAll(more);
        var pipeline = new Pipeline(store, box, Strategies.all(agent), listeners, dryRun);
        RunResult result = Interrupts.run(pipeline, task, id, Checkpoints.inDirectory(store.runDir(id)), err);
        Output.print(result, run.json, spec.commandLine().getOut(), err);
        return result;
    }

    private String issueText() {
        if (issueFile == null) {
            return issue;
        }
        if (issue != null) {
            throw new BadInputException("give --issue or --issue-file, not both");
        }
        try {
            return java.nio.file.Files.readString(issueFile);
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot read --issue-file " + issueFile + ": " + e.getMessage());
        }
    }
}
