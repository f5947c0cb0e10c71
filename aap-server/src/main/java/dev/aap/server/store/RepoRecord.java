package dev.aap.server.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A registered repository: where runs get their code from, and how many may run on it at once.
 *
 * @param url               a clone URL, or a local path (only with {@code --allow-local-repos})
 * @param localPath         the url is a path on this machine: runs integrate into that repository as {@code aap fix}
 * @param defaultBranch     the base ref tasks start from when they name none; null: the repository's HEAD
 * @param policy            policy overrides, or null
 * @param maxConcurrentRuns runs at once per base branch
 * @param forge             {@code {kind: github|gitlab, repository, base_url?}}: where its issues and pull requests
 *                          live, or null
 */
public record RepoRecord(String name, String url, boolean localPath, String defaultBranch, JsonNode policy,
                         int maxConcurrentRuns, Instant createdAt, JsonNode forge) {

    public RepoRecord(String name, String url, boolean localPath, String defaultBranch, JsonNode policy,
                      int maxConcurrentRuns, Instant createdAt) {
        this(name, url, localPath, defaultBranch, policy, maxConcurrentRuns, createdAt, null);
    }
}
