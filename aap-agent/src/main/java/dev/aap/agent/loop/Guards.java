package dev.aap.agent.loop;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.List;
import java.util.Optional;

/** The budget guards and the stuck detector, checked before each model turn and after each tool call. */
final class Guards {

    /** One budget: looks at the counters and says whether the loop must end. */
    interface Guard {
        Optional<Stop> check(Counters c);
    }

    /** What the guards look at; updated by the loop. */
    static final class Counters {
        int steps;
        long inputTokens;
        long outputTokens;
        double costUsd;
        int errorsInARow;
    }

    static Guard steps(int max) {
        return c -> c.steps >= max ? Optional.of(new Stop(Stop.Kind.MAX_STEPS, "used all " + max + " steps"))
                : Optional.empty();
    }

    static Guard inputTokens(long max) {
        return c -> c.inputTokens >= max ? Optional.of(new Stop(Stop.Kind.MAX_INPUT_TOKENS,
                c.inputTokens + " input tokens used, limit " + max)) : Optional.empty();
    }

    static Guard outputTokens(long max) {
        return c -> c.outputTokens >= max ? Optional.of(new Stop(Stop.Kind.MAX_OUTPUT_TOKENS,
                c.outputTokens + " output tokens used, limit " + max)) : Optional.empty();
    }

    static Guard cost(double max) {
        return c -> c.costUsd >= max ? Optional.of(new Stop(Stop.Kind.MAX_COST,
                String.format("spent $%.4f, limit $%.4f", c.costUsd, max))) : Optional.empty();
    }

    static Guard wallTime(Instant deadline) {
        return c -> Instant.now().isAfter(deadline) ? Optional.of(new Stop(Stop.Kind.WALL_TIME,
                "the time budget ran out")) : Optional.empty();
    }

    static Guard errors(int max) {
        return c -> c.errorsInARow >= max ? Optional.of(new Stop(Stop.Kind.TOO_MANY_ERRORS,
                max + " failed tool calls in a row")) : Optional.empty();
    }

    private Guards() {
    }

    /**
     * Notices a loop going round in circles: the same call (tool and arguments) made {@code repeats} times in a row,
     * or the tests run {@code repeats} times on the same workspace content.
     */
    static final class StuckDetector {

        private final int repeats;
        private final Deque<String> calls = new ArrayDeque<>();
        private final Deque<String> testedStates = new ArrayDeque<>();

        StuckDetector(int repeats) {
            this.repeats = repeats;
        }

        /**
         * Records a call; returns a stop when it is the same as the previous {@code repeats - 1}, or when the last
         * {@code 2 × repeats} calls alternate between the same two (A, B, A, B, ...: a loop with no progress).
         */
        Optional<Stop> call(String tool, String arguments) {
            String key = tool + "\u0000" + arguments;
            calls.addLast(key);
            if (calls.size() > 2 * repeats) {
                calls.removeFirst();
            }
            List<String> last = List.copyOf(calls);
            List<String> tail = last.subList(Math.max(0, last.size() - repeats), last.size());
            if (tail.size() == repeats && tail.stream().allMatch(k -> Objects.equals(k, key))) {
                return Optional.of(new Stop(Stop.Kind.STUCK, "the same " + tool + " call " + repeats
                        + " times in a row"));
            }
            if (last.size() == 2 * repeats && !last.get(0).equals(last.get(1)) && alternates(last)) {
                return Optional.of(new Stop(Stop.Kind.STUCK, "the same two calls in turn " + repeats
                        + " times"));
            }
            return Optional.empty();
        }

        private static boolean alternates(List<String> xs) {
            for (int i = 2; i < xs.size(); i++) {
                if (!xs.get(i).equals(xs.get(i - 2))) {
                    return false;
                }
            }
            return true;
        }

        /** Records a test run on a workspace state (e.g. the diff's hash). */
        Optional<Stop> testRun(String stateHash) {
            testedStates.addLast(stateHash);
            if (testedStates.size() > repeats) {
                testedStates.removeFirst();
            }
            if (testedStates.size() == repeats && testedStates.stream().allMatch(s -> s.equals(stateHash))) {
                return Optional.of(new Stop(Stop.Kind.STUCK, "tests run " + repeats
                        + " times with no change in between"));
            }
            return Optional.empty();
        }

        /** True when the last test run was on the same state as the one before (worth a nudge). */
        boolean unchangedSinceLastTest() {
            if (testedStates.size() < 2) {
                return false;
            }
            var it = testedStates.descendingIterator();
            return it.next().equals(it.next());
        }
    }
}
