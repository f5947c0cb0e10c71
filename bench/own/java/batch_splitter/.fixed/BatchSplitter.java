package acme.export;

import java.util.ArrayList;
import java.util.List;

/** Splits export records into numbered batches of bounded size for an upload API. */
public final class BatchSplitter {

    private BatchSplitter() {
    }

    /** How many batches of at most size records the records need. */
    public static int batchCount(int records, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        return (records + size - 1) / size;
    }

    public static <T> List<List<T>> split(List<T> records, int size) {
        int count = batchCount(records.size(), size);
        List<List<T>> batches = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            int from = b * size;
            int to = Math.min(records.size(), from + size);
            batches.add(List.copyOf(records.subList(from, to)));
        }
        return batches;
    }

    /** A progress label such as "batch 2/5". */
    public static String label(int batchIndex, int records, int size) {
        return "batch " + (batchIndex + 1) + "/" + batchCount(records, size);
    }
}
