/**
 * The in-worker JUnit runner: {@link dev.aap.repair.jvm.runner.TestPlatform} (JDK types only) and its implementation,
 * which is compiled against the JUnit Platform launcher API but defined at run time inside the project's own JUnit
 * class loader, so it always links against the project's JUnit version. Nothing here is used by aap's own JVM.
 */
package dev.aap.repair.jvm.runner;
