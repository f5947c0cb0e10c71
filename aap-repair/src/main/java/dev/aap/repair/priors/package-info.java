/**
 * Operator family priors: published single-statement bug pattern counts mapped onto the mutators' operator names
 * ({@code priors.tsv}), and per-repository counts mined from a project's own small bug-fix commits.
 */
package dev.aap.repair.priors;
