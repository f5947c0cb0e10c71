package dev.aap.repair.search;

/** Counts changed lines between two texts the way benchmarks do: max(removed, added) of the differing middle. */
final class LineDiff {

    private LineDiff() {
    }

    /**
     * Where two texts differ, by whole lines: the lines they share at the start and at the end.
     *
     * @param before the first text's lines
     * @param after  the second text's lines
     * @param prefix lines equal at the start
     * @param suffix lines equal at the end (not overlapping the prefix)
     */
    record Middle(String[] before, String[] after, int prefix, int suffix) {

        /** The second text's lines between the shared start and end. */
        java.util.List<String> changedAfter() {
            return java.util.Arrays.asList(after).subList(prefix, after.length - suffix);
        }
    }

    static Middle middle(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        return new Middle(a, b, prefix, suffix);
    }

    static int changedLines(String before, String after) {
        Middle m = middle(before, after);
        return Math.max(m.before().length - m.prefix() - m.suffix(), m.after().length - m.prefix() - m.suffix());
    }
}
