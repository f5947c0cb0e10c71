package dev.aap.repair.search;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.aap.repair.search.AntiPatterns.Language.JAVA;
import static dev.aap.repair.search.AntiPatterns.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;

class AntiPatternsTest {

    private static final String ACCOUNT = """
            class Account {
                private int limit;
                private int balance;
                Account(int start, int cap) {
                    this.balance = start;
                    this.limit = cap;
                }
                void setLimit(int cap) {
                    this.limit = cap;
                }
                int withdraw(int amount) {
                    if (amount > balance) {
                        throw new IllegalStateException("short");
                    }
                    for (int i = 0; i < amount; i++) {
                        balance--;
                    }
                    return balance;
                }
            }
            """;

    private static String java(String from, String to) {
        assertThat(ACCOUNT).contains(from);
        return AntiPatterns.classify(JAVA, "Account.java", ACCOUNT, ACCOUNT.replace(from, to), "op",
                AntiPatterns.Reach.unknown(), "python3");
    }

    @Test
    void flagsAConditionReplacedByAConstant() {
        assertThat(java("if (amount > balance)", "if (false)")).contains("condition 'amount > balance' constant");
        assertThat(java("if (amount > balance)", "if (amount > balance && false)")).contains("constant");
        assertThat(java("i < amount;", "true;")).contains("constant");
    }

    @Test
    void flagsADeletedCondition() {
        assertThat(java("""
                        if (amount > balance) {
                                    throw new IllegalStateException("short");
                                }
                        """, "")).contains("deletes a condition");
    }

    @Test
    void flagsAFieldMadeToHoldAnotherFieldInAConstructorOrSetter() {
        assertThat(java("this.limit = cap;\n    }\n    void", "this.limit = this.balance;\n    }\n    void"))
                .contains("field 'limit' hold field 'balance'");
        assertThat(java("        this.limit = cap;\n    }\n    int", "        this.limit = balance;\n    }\n    int"))
                .contains("field 'limit' hold field 'balance'");
    }

    @Test
    void flagsARemovedThrowAndAnEarlyReturn() {
        assertThat(java("throw new IllegalStateException(\"short\");", ";")).contains("removes a return or throw");
        assertThat(java("            balance--;\n", "            balance--;\n            return balance;\n"))
                .contains("inserts a return before the method's last statement");
    }

    @Test
    void acceptsOrdinaryOneLineFixes() {
        assertThat(java("amount > balance", "amount >= balance")).isNull();
        assertThat(java("i < amount", "i <= amount")).isNull();
        assertThat(java("this.limit = cap;\n    }\n    void", "this.limit = cap + 1;\n    }\n    void")).isNull();
        assertThat(java("return balance;", "return balance - 1;")).isNull();
        assertThat(java("if (amount > balance)", "if (amount > balance || amount < 0)")).isNull();
    }

    @Test
    void flagsAChangeInAFileNoFailingTestExecutesWhenAnotherFileIsSuspicious() {
        var reach = new AntiPatterns.Reach(Set.of("src/Core.java"), "src/Core.java");
        String moved = ACCOUNT.replace("amount > balance", "amount >= balance");
        assertThat(AntiPatterns.classify(JAVA, "src/Account.java", ACCOUNT, moved, "op", reach, "python3"))
                .contains("no failing test executes");
        assertThat(AntiPatterns.classify(JAVA, "src/Core.java", ACCOUNT, moved, "op", reach, "python3")).isNull();
    }

    private static final String STACK = """
            class Stack:
                def __init__(self, size, depth):
                    self.size = size
                    self.depth = depth

                def push(self, item, items):
                    while len(items) >= self.size:
                        items.pop(0)
                    items.append(item)
                    if item is None:
                        raise ValueError("none")
                    return len(items)
            """;

    private static String python(String from, String to) {
        assertThat(STACK).contains(from);
        return AntiPatterns.classify(PYTHON, "stack.py", STACK, STACK.replace(from, to), "op",
                AntiPatterns.Reach.unknown(), "python3");
    }

    @Test
    void readsTheSameAntiPatternsInPython() {
        assertThat(python("while len(items) >= self.size:", "while False:")).contains("constant");
        assertThat(python("if item is None:", "if item is None or True:")).contains("constant");
        assertThat(python("self.depth = depth", "self.depth = self.size")).contains("hold field 'size'");
        assertThat(python("raise ValueError(\"none\")", "pass")).contains("removes a return or throw");
        assertThat(python("    items.append(item)\n", "    items.append(item)\n        return 0\n"))
                .contains("inserts a return");
        assertThat(python("len(items) >= self.size", "len(items) > self.size")).isNull();
        assertThat(python("return len(items)", "return len(items) - 1")).isNull();
    }
}
