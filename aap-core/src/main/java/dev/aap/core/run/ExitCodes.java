package dev.aap.core.run;

import dev.aap.core.AapException;
import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;

/** The one place errors become exit codes (DESIGN.md: 0 verified, 1 none found, 2 bad input, 3 environment, 4 policy,
 * 5 questions to answer first). */
public final class ExitCodes {

    public static final int VERIFIED = 0;
    public static final int NOT_FOUND = 1;
    public static final int BAD_INPUT = 2;
    public static final int ENVIRONMENT = 3;
    public static final int BLOCKED_BY_POLICY = 4;
    public static final int NEEDS_INPUT = 5;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    public static int of(AapException e) {
        return switch (e) {
            case BadInputException b -> BAD_INPUT;
            case EnvironmentException env -> ENVIRONMENT;
        };
    }
}
