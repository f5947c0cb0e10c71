/**
 * Python projects under pytest: per-test line coverage ({@link dev.aap.repair.python.PythonCoverage}), mutation
 * candidates from Python's own {@code ast} ({@link dev.aap.repair.python.PythonMutator}) and a fork-server
 * validator ({@link dev.aap.repair.python.PytestWorker}). The Python side lives in resources of the same package
 * and runs with the project's interpreter; ranking suspicious lines and the search loop live elsewhere.
 */
package dev.aap.repair.python;
