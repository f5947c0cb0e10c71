/**
 * Java mutation and fix-template operators: {@link dev.aap.repair.mutate.JavaMutator} turns suspicious lines of a
 * source file into ranked {@link dev.aap.repair.candidate.Candidate}s made of minimal textual edits.
 * Deciding which lines are suspicious (localize) and whether a candidate works (validate) live elsewhere.
 */
package dev.aap.repair.mutate;
