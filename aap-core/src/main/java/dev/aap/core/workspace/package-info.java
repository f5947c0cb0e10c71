/**
 * The user's repository ({@link dev.aap.core.workspace.SourceRepo}) and the private checkout a run works in
 * ({@link dev.aap.core.workspace.Workspace}), over the git command line.
 */
package dev.aap.core.workspace;
