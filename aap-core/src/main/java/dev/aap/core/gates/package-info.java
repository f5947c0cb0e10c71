/**
 * The project's own quality gates (ruff, flake8, mypy; Maven's checkstyle, PMD and SpotBugs) run in the sandbox on
 * the base commit and on the branch, so that only the findings a patch introduces count. Detection, running,
 * parsing and the base/branch comparison live here; turning findings into a verdict is the review step's business.
 */
package dev.aap.core.gates;
