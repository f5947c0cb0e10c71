/** The agent's view of the workspace: project-relative paths, checked so that no tool reaches outside it. */
package dev.aap.agent.files;
