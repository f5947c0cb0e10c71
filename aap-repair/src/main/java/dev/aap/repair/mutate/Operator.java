package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;

/** One family of mutation or fix-template operators; sees every node that touches a suspicious line. */
sealed interface Operator
        permits OperatorReplacement, OffByOne, ConditionRewrite, NameSubstitution, CallRewrite, StatementEdit,
        ExpressionReuse, ConditionExtension, ValueRewrite, StatementInsertion {

    void visit(Node node, Site site);
}
