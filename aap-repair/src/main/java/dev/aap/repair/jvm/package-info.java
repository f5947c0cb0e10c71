/**
 * Fast validation of Java candidates: {@link dev.aap.repair.jvm.JvmWorker} compiles changed sources in memory and runs
 * the project's JUnit 4 or 5 tests in a long-lived, sandboxed worker JVM, with a fresh class loader per candidate and a
 * watchdog that replaces the worker when a candidate hangs. It also measures per-test line coverage with JaCoCo.
 * Building the project, resolving its dependencies and choosing candidates live elsewhere.
 */
package dev.aap.repair.jvm;
