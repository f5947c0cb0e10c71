package acme.markets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PriceSeriesTest {

    @Test
    void dayToDayChanges() {
        assertArrayEquals(new double[] {2, -3, 1}, new PriceSeries(10, 12, 9, 10).changes(), 1e-9);
    }

    @Test
    void aSingleDayHasNoChanges() {
        assertArrayEquals(new double[0], new PriceSeries(5).changes(), 1e-9);
    }

    @Test
    void bestGainBuysLowSellsLater() {
        assertEquals(7.0, new PriceSeries(9, 4, 8, 3, 10, 6).bestGain(), 1e-9);
        assertEquals(0.0, new PriceSeries(5, 4, 3).bestGain(), 1e-9);
    }

    @Test
    void movingAverageUsesTheLastWindow() {
        PriceSeries p = new PriceSeries(1, 2, 3, 4, 5);
        assertEquals(4.0, p.movingAverage(4, 3), 1e-9);
        assertEquals(1.5, p.movingAverage(1, 3), 1e-9);
    }
}
