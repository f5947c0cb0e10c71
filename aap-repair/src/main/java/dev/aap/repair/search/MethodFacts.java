package dev.aap.repair.search;

import java.util.List;

/**
 * What the overfitting guard compares between a method before and after a candidate: its conditions, exits and the
 * field assignments of an initializer, each in source order.
 *
 * @param conditions        if/while/loop/ternary conditions
 * @param exits             return and throw (raise) statements
 * @param returnLines       lines of the return statements
 * @param lastStatementLine first line of the body's last top-level statement
 * @param initializer       a constructor or setter, where fields get their values
 * @param assigns           assignments to a field of this object
 */
record MethodFacts(List<Condition> conditions, int exits, List<Integer> returnLines, int lastStatementLine,
                   boolean initializer, List<FieldAssign> assigns) {

    MethodFacts {
        conditions = List.copyOf(conditions);
        returnLines = List.copyOf(returnLines);
        assigns = List.copyOf(assigns);
    }

    /** A condition's text and whether it is constant ({@code true}, {@code x || true}, {@code while 1}). */
    record Condition(String text, boolean constant) {
    }

    /**
     * {@code this.target = value}; {@code field} names the other field of this object the value reads, or is null.
     */
    record FieldAssign(String target, String value, String field) {
    }
}
