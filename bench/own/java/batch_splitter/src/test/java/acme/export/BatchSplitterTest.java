package acme.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BatchSplitterTest {

    @Test
    void aPartialLastBatch() {
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)),
                BatchSplitter.split(List.of(1, 2, 3, 4, 5, 6, 7), 3));
    }

    @Test
    void recordsThatFillTheBatchesExactly() {
        assertEquals(2, BatchSplitter.batchCount(10, 5));
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), BatchSplitter.split(List.of("a", "b", "c", "d"), 2));
    }

    @Test
    void noRecordsNoBatches() {
        assertEquals(0, BatchSplitter.batchCount(0, 50));
        assertEquals(List.of(), BatchSplitter.split(List.of(), 50));
    }

    @Test
    void progressLabel() {
        assertEquals("batch 1/4", BatchSplitter.label(0, 100, 25));
    }

    @Test
    void zeroSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BatchSplitter.batchCount(3, 0));
    }
}
