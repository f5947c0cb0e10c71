package dev.aap.core.gates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The branch's issues that the base does not have, matched as multisets by {@link Issue#key()}: a finding that only
 * moved is not new, and a second copy of an existing finding is.
 */
final class NewIssues {

    private NewIssues() {
    }

    static List<Issue> of(List<Issue> base, List<Issue> branch) {
        Map<String, Integer> left = new HashMap<>();
        base.forEach(i -> left.merge(i.key(), 1, Integer::sum));
        var out = new ArrayList<Issue>();
        for (Issue i : branch) {
            Integer n = left.get(i.key());
            if (n == null || n == 0) {
                out.add(i);
            } else {
                left.put(i.key(), n - 1);
            }
        }
        return out;
    }
}
