/**
 * Candidate patches as data: {@link dev.aap.repair.candidate.Candidate} and its {@link dev.aap.repair.candidate.Edit}s.
 * Producing them (mutation operators) and running them (validators) live elsewhere.
 */
package dev.aap.repair.candidate;
