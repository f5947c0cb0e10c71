/**
 * Fault localization: per-test coverage in, ranked suspicious lines out (Ochiai).
 */
package dev.aap.repair.localize;
