package acme.markets;

/** Daily closing prices of an instrument: day-to-day changes, the best single gain and a moving average. */
public class PriceSeries {

    private final double[] closes;

    public PriceSeries(double... closes) {
        this.closes = closes.clone();
    }

    /** Change from each day to the next; one fewer value than there are days. */
    public double[] changes() {
        double[] out = new double[Math.max(0, closes.length - 1)];
        for (int i = 1; i < closes.length; i++) {
            out[i - 1] = closes[i] - closes[i - 1];
        }
        return out;
    }

    /** The largest rise from a close to any later close, or 0 when prices only fall. */
    public double bestGain() {
        double best = 0;
        double low = Double.MAX_VALUE;
        for (double c : closes) {
            low = Math.min(low, c);
            best = Math.max(best, c - low);
        }
        return best;
    }

    /** Average of the last window closes (fewer at the start of the series). */
    public double movingAverage(int day, int window) {
        int from = Math.max(0, day - window + 1);
        double sum = 0;
        for (int i = from; i <= day; i++) {
            sum += closes[i];
        }
        return sum / (day - from + 1);
    }
}
