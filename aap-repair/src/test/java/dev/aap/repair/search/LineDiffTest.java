package dev.aap.repair.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    @Test
    void countsOneReplacedLine() {
        assertThat(LineDiff.changedLines("a\nb\nc\n", "a\nB\nc\n")).isEqualTo(1);
    }

    @Test
    void countsAnInsertedLine() {
        assertThat(LineDiff.changedLines("a\nc\n", "a\nb\nc\n")).isEqualTo(1);
    }

    @Test
    void countsTheLargerSideOfAMixedChange() {
        assertThat(LineDiff.changedLines("a\nx\ny\nz\n", "a\nq\n")).isEqualTo(3);
    }

    @Test
    void identicalTextsChangeNothing() {
        assertThat(LineDiff.changedLines("a\nb\n", "a\nb\n")).isZero();
    }
}
