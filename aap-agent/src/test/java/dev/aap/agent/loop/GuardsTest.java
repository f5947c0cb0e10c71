package dev.aap.agent.loop;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GuardsTest {

    @Test
    void aCallBetweenRepeatsIsNotStuck() {
        var stuck = new Guards.StuckDetector(3);

        assertThat(stuck.call("view_file", "{\"path\": \"A\"}")).isEmpty();
        assertThat(stuck.call("view_file", "{\"path\": \"A\"}")).isEmpty();
        assertThat(stuck.call("view_file", "{\"path\": \"B\"}")).isEmpty();
        assertThat(stuck.call("view_file", "{\"path\": \"A\"}")).isEmpty();
        assertThat(stuck.call("view_file", "{\"path\": \"A\"}")).isEmpty();
        assertThat(stuck.call("view_file", "{\"path\": \"A\"}")).contains(
                new Stop(Stop.Kind.STUCK, "the same view_file call 3 times in a row"));
    }

    @Test
    void twoCallsInTurnThreeTimesAreStuck() {
        var stuck = new Guards.StuckDetector(3);
        for (int i = 0; i < 2; i++) {
            assertThat(stuck.call("view_file", "{\"path\": \"a.py\"}")).isEmpty();
            assertThat(stuck.call("search_code", "{\"query\": \"x\"}")).isEmpty();
        }
        assertThat(stuck.call("view_file", "{\"path\": \"a.py\"}")).isEmpty();
        assertThat(stuck.call("search_code", "{\"query\": \"x\"}")).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo(Stop.Kind.STUCK);
            assertThat(s.reason()).contains("two calls in turn");
        });
    }

    @Test
    void alternatingWithProgressIsNotStuck() {
        var stuck = new Guards.StuckDetector(3);
        for (int i = 0; i < 4; i++) {
            assertThat(stuck.call("view_file", "{\"path\": \"a.py\", \"start_line\": " + (i * 100 + 1) + "}"))
                    .isEmpty();
            assertThat(stuck.call("search_code", "{\"query\": \"x\"}")).isEmpty();
        }
    }

    @Test
    void testsOnAChangedWorkspaceAreNotStuck() {
        var stuck = new Guards.StuckDetector(3);

        assertThat(stuck.testRun("a")).isEmpty();
        assertThat(stuck.unchangedSinceLastTest()).isFalse();
        assertThat(stuck.testRun("a")).isEmpty();
        assertThat(stuck.unchangedSinceLastTest()).isTrue();
        assertThat(stuck.testRun("b")).isEmpty();
        assertThat(stuck.unchangedSinceLastTest()).isFalse();
        assertThat(stuck.testRun("b")).isEmpty();
        assertThat(stuck.testRun("b")).map(Stop::kind).contains(Stop.Kind.STUCK);
    }

    @Test
    void budgetsStopAtTheirLimit() {
        var c = new Guards.Counters();
        c.steps = 4;
        c.costUsd = 0.5;

        assertThat(Guards.steps(5).check(c)).isEmpty();
        assertThat(Guards.steps(4).check(c)).map(Stop::kind).contains(Stop.Kind.MAX_STEPS);
        assertThat(Guards.cost(0.5).check(c)).map(Stop::kind).contains(Stop.Kind.MAX_COST);
        assertThat(Guards.cost(0.6).check(c)).isEmpty();
        assertThat(Guards.wallTime(Instant.now().plusSeconds(60)).check(c)).isEmpty();
        assertThat(Guards.wallTime(Instant.now().minusMillis(1)).check(c)).map(Stop::kind).contains(Stop.Kind.WALL_TIME);
    }
}
