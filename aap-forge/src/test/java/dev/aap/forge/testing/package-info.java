/**
 * TestForge, a GitHub and GitLab stand-in for tests (REST in the real wire shapes, git smart HTTP through
 * {@code git http-backend}), shipped in aap-forge's test-jar; nothing here is production code.
 */
package dev.aap.forge.testing;
