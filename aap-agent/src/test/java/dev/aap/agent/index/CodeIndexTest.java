package dev.aap.agent.index;

import dev.aap.core.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CodeIndexTest {

    @TempDir
    Path tmp;
    GitRepo repo;
    Path indexDir;

    @BeforeEach
    void project() throws IOException {
        indexDir = tmp.resolve("cache/index/x");
        repo = new GitRepo(Files.createDirectories(tmp.resolve("project")))
                .write("src/main/java/shop/PriceCalculator.java", """
                        package shop;

                        /** Prices with discounts. */
                        public class PriceCalculator {
                            private final double rate;

                            public PriceCalculator(double rate) {
                                this.rate = rate;
                            }

                            public double applyDiscount(double price) {
                                return price * (1 - rate);
                            }

                            public double addTax(double price) {
                                return price * 1.2;
                            }

                            static class Rounding {
                                static long roundCents(double amount) {
                                    return Math.round(amount * 100);
                                }
                            }
                        }
                        """)
                .write("src/main/java/shop/Inventory.java", """
                        package shop;

                        import java.util.HashMap;
                        import java.util.Map;

                        public class Inventory {
                            private final Map<String, Integer> stock = new HashMap<>();

                            public void restock(String sku, int count) {
                                stock.merge(sku, count, Integer::sum);
                            }

                            public boolean isAvailable(String sku) {
                                return stock.getOrDefault(sku, 0) > 0;
                            }
                        }
                        """)
                .write("tools/geo.py", """
                        import math


                        def haversine(lat1, lon1, lat2, lon2):
                            r = 6371.0
                            p1, p2 = math.radians(lat1), math.radians(lat2)
                            dp = p2 - p1
                            dl = math.radians(lon2 - lon1)
                            a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
                            return 2 * r * math.asin(math.sqrt(a))


                        def parse_csv_row(line):
                            return [cell.strip() for cell in line.split(",")]


                        class HttpRetry:
                            def wait_seconds(self, attempt):
                                return min(30, 2 ** attempt)
                        """)
                .write("README.md", "# Shop\n\nA toy shop used by the index tests. Run `mvn test`.\n")
                .commit();
    }

    @Test
    void ranksTheDefiningMethodFirstForAnIdentifier() {
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            index.update();
            assertThat(index.search("applyDiscount", 5)).first()
                    .satisfies(h -> {
                        assertThat(h.symbol()).isEqualTo("PriceCalculator.applyDiscount");
                        assertThat(h.file()).isEqualTo("src/main/java/shop/PriceCalculator.java");
                        assertThat(h.startLine()).isEqualTo(11);
                        assertThat(h.endLine()).isEqualTo(13);
                    });
            assertThat(index.search("parse csv row", 3)).first().extracting(Hit::symbol).isEqualTo("parse_csv_row");
            assertThat(index.search("is available", 3)).first().extracting(Hit::symbol)
                    .isEqualTo("Inventory.isAvailable");
        }
    }

    @Test
    void naturalLanguageQueryFindsTheChunkWithEmbeddings() {
        try (var index = CodeIndex.open(indexDir, repo.dir, true)) {
            index.update();
            assertThat(index.search("great-circle distance between two coordinates on the globe", 3)).first()
                    .extracting(Hit::symbol).isEqualTo("haversine");
            assertThat(index.search("applyDiscount", 3)).first().extracting(Hit::symbol)
                    .isEqualTo("PriceCalculator.applyDiscount");
        }
    }

    @Test
    void leavesUntrackedBuildOutputOutButKeepsTrackedFilesInDirectoriesOfThatName() throws IOException {
        repo.write("src/main/java/shop/build/Assembler.java",
                "package shop.build;\n\npublic class Assembler {\n    void assemble() {\n    }\n}\n").commit();
        // after a test run, without a .gitignore: untracked reports, and a new source file not yet committed
        Files.createDirectories(repo.dir.resolve("target/surefire-reports"));
        Files.writeString(repo.dir.resolve("target/surefire-reports/shop.PriceCalculatorTest.txt"),
                "Tests run: 3, Failures: 1 zzyzxreport\n");
        Files.writeString(repo.dir.resolve("src/main/java/shop/NewWork.java"),
                "package shop;\n\nclass NewWork {\n    void freshlyWritten() {\n    }\n}\n");
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            index.update();
            assertThat(index.findSymbol("assemble")).extracting(Symbol::file)
                    .containsExactly("src/main/java/shop/build/Assembler.java");
            assertThat(index.findSymbol("freshlyWritten")).hasSize(1);
            assertThat(index.search("zzyzxreport", 5)).isEmpty();
        }
    }

    @Test
    void reusesTheVectorsOfChunksWhoseTextDidNotChange() throws IOException {
        try (var index = CodeIndex.open(indexDir, repo.dir, true)) {
            index.update();
            String file = "src/main/java/shop/PriceCalculator.java";
            String text = Files.readString(repo.dir.resolve(file));
            Files.writeString(repo.dir.resolve(file), text.replace("return price * (1 - rate);",
                    "return price * (1.0 - rate);"));
            long before = Embedder.embedded();
            IndexStats s = index.update();
            assertThat(s.changedFiles()).isEqualTo(1);
            assertThat(Embedder.embedded() - before).as("only applyDiscount's chunk is embedded again").isEqualTo(1);
            assertThat(index.search("applyDiscount", 3)).first().extracting(Hit::symbol)
                    .isEqualTo("PriceCalculator.applyDiscount");
            assertThat(index.search("great-circle distance between two coordinates on the globe", 3)).first()
                    .extracting(Hit::symbol).isEqualTo("haversine");
        }
    }

    @Test
    void reindexesOnlyTheChangedFileAndDropsDeletedOnes() throws IOException {
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            IndexStats first = index.update();
            assertThat(first.files()).isEqualTo(4);
            assertThat(first.changedFiles()).isEqualTo(4);

            repo.write("src/main/java/shop/Inventory.java",
                    Files.readString(repo.dir.resolve("src/main/java/shop/Inventory.java"))
                            .replace("isAvailable", "inStock"));
            IndexStats second = index.update();
            assertThat(second.changedFiles()).isEqualTo(1);
            assertThat(index.findSymbol("inStock")).hasSize(1);
            assertThat(index.findSymbol("isAvailable")).isEmpty();

            Files.delete(repo.dir.resolve("tools/geo.py"));
            IndexStats third = index.update();
            assertThat(third.removedFiles()).isEqualTo(1);
            assertThat(third.changedFiles()).isZero();
            assertThat(third.files()).isEqualTo(3);
            assertThat(index.search("haversine", 5)).extracting(Hit::file).doesNotContain("tools/geo.py");
        }
    }

    @Test
    void keepsTheIndexAcrossOpensAndIgnoresTouchedButUnchangedFiles() throws IOException {
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            index.update();
        }
        Files.setLastModifiedTime(repo.dir.resolve("README.md"), FileTime.from(Instant.now().plusSeconds(5)));
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            IndexStats again = index.update();
            assertThat(again.changedFiles()).isZero();
            assertThat(again.chunks()).isPositive();
            assertThat(index.search("restock", 1)).isNotEmpty();
        }
    }

    @Test
    void findsSymbolsByNameByContainerAndIgnoringCase() {
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            index.update();
            assertThat(index.findSymbol("restock")).extracting(Symbol::file, Symbol::kind, Symbol::startLine)
                    .containsExactly(tuple("src/main/java/shop/Inventory.java", "method", 9));
            assertThat(index.findSymbol("PriceCalculator")).extracting(Symbol::kind)
                    .containsExactly("class", "constructor");
            assertThat(index.findSymbol("PriceCalculator.addTax")).extracting(Symbol::name).containsExactly("addTax");
            assertThat(index.findSymbol("PriceCalculator.Rounding.roundCents")).hasSize(1);
            assertThat(index.findSymbol("Inventory.addTax")).isEmpty();
            assertThat(index.findSymbol("httpretry.WAIT_SECONDS")).extracting(Symbol::name)
                    .containsExactly("wait_seconds");
        }
    }

    @Test
    void rebuildsACorruptIndex() throws IOException {
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            index.update();
        }
        try (Stream<Path> files = Files.list(indexDir.resolve("lucene"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(f, new byte[]{1, 2, 3, 4});
            }
        }
        try (var index = CodeIndex.open(indexDir, repo.dir, false)) {
            assertThat(index.update().changedFiles()).isEqualTo(4);
            assertThat(index.findSymbol("restock")).hasSize(1);
        }
    }

    @Test
    void usesAPrivateIndexWhenAnotherHolderHasTheLock() {
        try (var first = CodeIndex.open(indexDir, repo.dir, false);
             var second = CodeIndex.open(indexDir, repo.dir, false)) {
            assertThat(first.isTemporary()).isFalse();
            assertThat(second.isTemporary()).isTrue();
            first.update();
            assertThat(second.update().files()).isEqualTo(4);
            assertThat(second.findSymbol("haversine")).hasSize(1);
        }
    }

    @Test
    void rejectsADirectoryOutsideGit() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> CodeIndex.open(indexDir, plain, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not inside a git work tree");
        assertThatThrownBy(() -> CodeIndex.open(indexDir, tmp.resolve("missing"), false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a directory");
    }

    @Test
    void placesEachRepositoryInItsOwnDirectory() {
        Path cache = tmp.resolve("cache");
        assertThat(CodeIndex.dirFor(cache, "/a/b")).startsWithRaw(cache.resolve("index"))
                .isNotEqualTo(CodeIndex.dirFor(cache, "/a/c"))
                .isEqualTo(CodeIndex.dirFor(cache, "/a/b"));
    }
}
