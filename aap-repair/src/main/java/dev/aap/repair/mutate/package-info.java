/**
 * Java mutation and fix-template operators: {@link dev.aap.repair.mutate.JavaMutator} turns suspicious lines of a
 * source file into ranked {@link dev.aap.repair.candidate.Candidate}s made of minimal textual edits of the original
 * text (formatting kept, parentheses only where precedence needs them).
 *
 * <p>Operator names as they appear in {@code Candidate.operator()}: {@code relational-operator},
 * {@code arithmetic-operator}, {@code bitwise-operator}, {@code logical-operator}, {@code compound-assignment},
 * {@code unary-operator}, {@code off-by-one}, {@code replace-variable}, {@code replace-expression},
 * {@code reuse-expression}, {@code swap-arguments}, {@code swap-operands}, {@code change-method},
 * {@code unwrap-call}, {@code negate-condition}, {@code drop-conjunct}, {@code drop-operand},
 * {@code guard-condition}, {@code widen-null-check}, {@code boolean-literal}, {@code insert-assignment},
 * {@code insert-call}, {@code delete-statement}, and the classic one-line bug classes built from in-scope names:
 * {@code extend-condition}, {@code condition-from-scope}, {@code return-expression}, {@code wrap-min-max-abs},
 * {@code variable-expression}, {@code swap-index}, {@code insert-statement}, {@code insert-else},
 * {@code insert-jump}. Priors roughly follow how often each change fixes real one-line bugs
 * (ManySStuBs4J, QuixBugs): wrong variable and boundary operators highest, statement insertion and deletion lowest.
 *
 * <p>Types come from declarations only (no classpath, no symbol solver), so candidates may not compile; validation
 * filters them. Deciding which lines are suspicious (localize) and running candidates (validate) live elsewhere.
 */
package dev.aap.repair.mutate;
