/**
 * Integration: branch names, Conventional Commit messages and pull-request bodies for a verified change.
 */
package dev.aap.core.integrate;
