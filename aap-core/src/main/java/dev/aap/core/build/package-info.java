/**
 * Build and test tools behind the {@link dev.aap.core.build.BuildTool} SPI (Maven, pytest), their JUnit-XML
 * reports, and the Java layout the repair engine needs.
 */
package dev.aap.core.build;
