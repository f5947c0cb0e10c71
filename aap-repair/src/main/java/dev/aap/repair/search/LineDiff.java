package dev.aap.repair.search;

/** Counts changed lines between two texts the way benchmarks do: max(removed, added) of the differing middle. */
final class LineDiff {

    private LineDiff() {
    }

    static int changedLines(String before, String after) {
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
        return Math.max(a.length - prefix - suffix, b.length - prefix - suffix);
    }
}
