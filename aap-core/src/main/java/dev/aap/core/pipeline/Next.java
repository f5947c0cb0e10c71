package dev.aap.core.pipeline;

import dev.aap.core.run.RunResult;

/** A step's outcome: the input of the next step, or the end of the run with its result. */
sealed interface Next<T> {

    record Go<T>(T value) implements Next<T> {
    }

    record End<T>(RunResult result) implements Next<T> {
    }

    static <T> Next<T> go(T value) {
        return new Go<>(value);
    }

    static <T> Next<T> end(RunResult result) {
        return new End<>(result);
    }
}
