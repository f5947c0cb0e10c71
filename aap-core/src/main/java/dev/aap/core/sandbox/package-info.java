/**
 * Running untrusted commands with limits: the {@link dev.aap.core.sandbox.Sandbox} SPI, bubblewrap and plain-process
 * implementations. Nothing here knows about builds or tests.
 */
package dev.aap.core.sandbox;
