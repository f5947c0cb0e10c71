package dev.aap.agent.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SourceSymbolsTest {

    static final String JAVA = """
            package demo;

            /** A shop. */
            public class Shop {
                private final int size;

                public Shop(int size) {
                    this.size = size;
                }

                @Override
                public String toString() {
                    return "Shop" + size;
                }

                static class Basket {
                    void add(String item) {
                    }
                }

                record Price(long cents) {
                }

                enum Color { RED, GREEN }

                interface Visitor {
                    void visit(Shop shop);
                }
            }
            """;

    static final String PYTHON = """
            import functools


            def total(prices):
                return sum(prices)


            class Cart:
                \"\"\"A cart.\"\"\"

                def __init__(self):
                    self.items = []

                @functools.lru_cache
                def count(self):
                    return len(self.items)


            async def fetch(url):
                return url
            """;

    @Test
    void findsJavaTypesMethodsAndConstructorsWithLineRanges() {
        assertThat(SourceSymbols.of("src/demo/Shop.java", JAVA))
                .extracting(Symbol::name, Symbol::kind, Symbol::startLine, Symbol::endLine)
                .containsExactly(
                        tuple("Shop", "class", 4, 29),
                        tuple("Shop", "constructor", 7, 9),
                        tuple("toString", "method", 11, 14),
                        tuple("Basket", "class", 16, 19),
                        tuple("add", "method", 17, 18),
                        tuple("Price", "record", 21, 22),
                        tuple("Color", "enum", 24, 24),
                        tuple("Visitor", "interface", 26, 28),
                        tuple("visit", "method", 27, 27));
    }

    @Test
    void keepsTheProjectRelativeFileInEverySymbol() {
        assertThat(SourceSymbols.of("src/demo/Shop.java", JAVA)).extracting(Symbol::file).containsOnly("src/demo/Shop.java");
    }

    @Test
    void findsPythonFunctionsClassesAndDecoratedMethods() {
        assertThat(SourceSymbols.of("shop/cart.py", PYTHON))
                .extracting(Symbol::name, Symbol::kind, Symbol::startLine, Symbol::endLine)
                .containsExactly(
                        tuple("total", "function", 4, 5),
                        tuple("Cart", "class", 8, 16),
                        tuple("__init__", "method", 11, 12),
                        tuple("count", "method", 14, 16),
                        tuple("fetch", "function", 19, 20));
    }

    @Test
    void indentationScannerAgreesWithTreeSitterOnOrdinaryCode() {
        assertThat(IndentScanner.definitions("shop/cart.py", PYTHON))
                .isEqualTo(SourceSymbols.definitions("shop/cart.py", PYTHON));
    }

    @Test
    void givesNothingForOtherFilesAndNeverThrowsOnGarbage() {
        assertThat(SourceSymbols.of("README.md", "# class Foo")).isEmpty();
        assertThat(SourceSymbols.of("Broken.java", "class { ( ] <<<")).isNotNull();
        assertThat(SourceSymbols.of("broken.py", "def (:\n  ))) class")).isNotNull();
    }

    @Test
    void recordsTheContainerOfNestedDefinitions() {
        assertThat(SourceSymbols.definitions("src/demo/Shop.java", JAVA))
                .filteredOn(d -> d.symbol().name().equals("add"))
                .extracting(Definition::container).containsExactly("Shop.Basket");
        assertThat(SourceSymbols.definitions("shop/cart.py", PYTHON))
                .filteredOn(d -> d.symbol().name().equals("count"))
                .extracting(Definition::container).containsExactly("Cart");
    }
}
