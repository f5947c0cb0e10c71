package dev.aap.repair.priors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeClassifierTest {

    private static Optional<String> java(String before, String after) {
        return ChangeClassifier.classify("java", List.of(before), List.of(after));
    }

    private static Optional<String> python(String before, String after) {
        return ChangeClassifier.classify("python", List.of(before), List.of(after));
    }

    @Test
    void literalsAndOperators() {
        assertThat(java("int limit = 10;", "int limit = 11;")).contains("Change Numeric Literal");
        assertThat(java("boolean done = true;", "boolean done = false;")).contains("Change Boolean Literal");
        assertThat(java("if (a < b) {", "if (a <= b) {")).contains("Change Binary Operator");
        assertThat(java("total -= price;", "total += price;")).contains("Change Binary Operator");
        assertThat(java("i++;", "i--;")).contains("Change Unary Operator");
        assertThat(java("if (!seen) {", "if (seen) {")).contains("Change Unary Operator");
        assertThat(python("if not ready:", "if ready:")).contains("Change Unary Operator");
        assertThat(python("return a * 2", "return a * b")).contains("Change Binary Operand");
    }

    @Test
    void namesCallsAndCallers() {
        assertThat(java("return width * width;", "return width * height;")).contains("Change Identifier Used");
        assertThat(java("list.add(item);", "list.remove(item);")).contains("Wrong Function Name");
        assertThat(java("left.append(x);", "right.append(x);")).contains("Same Function Change Caller");
        assertThat(python("out = self.name", "out = self.label")).contains("Change Attribute Used");
        assertThat(python("left.append(x)", "right.append(x)")).contains("Same Function Wrong Caller");
        assertThat(java("private int count;", "protected int count;")).contains("Change Modifier");
    }

    @Test
    void argumentsAndConditions() {
        assertThat(java("draw(x, y);", "draw(y, x);")).contains("Same Function Swap Args");
        assertThat(java("open(path);", "open(path, mode);")).contains("Same Function More Args");
        assertThat(python("send(msg, retries)", "send(msg)")).contains("Same Function Less Args");
        assertThat(java("if (n > 0) {", "if (n > 0 && items != null) {")).contains("More Specific If");
        assertThat(python("if n < 0:", "if n < 0 or not items:")).contains("Less Specific If");
        assertThat(java("while (i < n && ok) {", "while (i < n) {")).contains("Less Specific If");
        assertThat(python("total = total + v", "total = min(limit, total + v)"))
                .contains("Add Function Around Expression");
    }

    @Test
    void addedStatementsLayoutAndCommentsAndBigRewrites() {
        assertThat(ChangeClassifier.classify("python", List.of(), List.of("    count += 1")))
                .contains(ChangeClassifier.MISSING_STATEMENT);
        assertThat(java("int x = 1;  // one", "int x = 1; // the first")).isEmpty();
        assertThat(java("  return a+b;", "return a + b;")).isEmpty();
        assertThat(python("x = compute(a)", "for y in range(3): print(y)")).isEmpty();
    }
}
