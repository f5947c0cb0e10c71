package dev.aap.core.policy;

import java.util.List;

/** Whether a patch may be integrated, and every reason it may not. */
public record PolicyDecision(boolean allowed, List<String> reasons) {

    public PolicyDecision {
        reasons = List.copyOf(reasons);
    }
}
