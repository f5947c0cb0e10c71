package dev.aap.agent.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ChunkerTest {

    private static List<Chunk> chunks(String file, String text) {
        return Chunker.chunks(file, text, SourceSymbols.definitions(file, text));
    }

    @Test
    void givesEachMethodItsOwnChunkWithItsJavadocAndTheClassOneForHeaderAndFields() {
        String java = """
                package demo;

                class Counter {
                    private int count;

                    /** Adds one. */
                    void increment() {
                        count++;
                    }
                }
                """;
        assertThat(chunks("Counter.java", java))
                .extracting(Chunk::symbol, Chunk::kind, Chunk::startLine, Chunk::endLine)
                .containsExactly(
                        tuple("", "text", 1, 1),
                        tuple("Counter", "class", 3, 10),
                        tuple("Counter.increment", "method", 6, 9));
        assertThat(chunks("Counter.java", java).get(1).text())
                .isEqualTo("class Counter {\n    private int count;\n\n    ...\n}\n");
    }

    @Test
    void splitsTextFilesIntoWindowsOfSixtyLines() {
        String md = IntStream.rangeClosed(1, 130).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        assertThat(chunks("docs/notes.md", md)).extracting(Chunk::startLine, Chunk::endLine)
                .containsExactly(tuple(1, 60), tuple(61, 120), tuple(121, 130));
    }

    @Test
    void splitsAVeryLongFunctionButKeepsItsName() {
        String body = IntStream.range(0, 200).mapToObj(i -> "    x += " + i).collect(Collectors.joining("\n"));
        List<Chunk> chunks = chunks("long.py", "def long_one():\n    x = 0\n" + body + "\n    return x\n");
        assertThat(chunks).hasSizeGreaterThan(2).extracting(Chunk::symbol).containsOnly("long_one");
    }

    @Test
    void splitsIdentifiersForSearchButKeepsThemWhole() {
        var analyzer = new CodeAnalyzer();
        assertThat(analyzer.terms("parseHTTPHeader2 max_line_len"))
                .contains("parsehttpheader2", "pars", "http", "header", "2", "max_line_len", "max", "line", "len");
        assertThat(analyzer.terms("the user")).containsExactly("user");
    }
}
