package acme.imaging;

/** Convolution of grey-scale images (rows of pixel values) with a small kernel, for blurs and edges. */
public final class Kernel {

    private final double[][] weights;

    public Kernel(double[][] weights) {
        if (weights.length % 2 == 0 || weights[0].length % 2 == 0) {
            throw new IllegalArgumentException("kernel sides must be odd");
        }
        this.weights = weights;
    }

    public static Kernel boxBlur() {
        double w = 1.0 / 9;
        return new Kernel(new double[][] {{w, w, w}, {w, w, w}, {w, w, w}});
    }

    /** Applies the kernel; pixels beyond the border repeat the nearest edge pixel. */
    public int[][] apply(int[][] image) {
        int rows = image.length;
        int cols = image[0].length;
        int kr = weights.length / 2;
        int kc = weights[0].length / 2;
        int[][] out = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sum = 0;
                for (int i = -kr; i <= kr; i++) {
                    for (int j = -kc; j <= kc; j++) {
                        int y = clamp(r + i, rows);
                        int x = clamp(c + j, cols);
                        sum += weights[i + kr][j + kc] * image[x][y];
                    }
                }
                out[r][c] = (int) Math.round(Math.max(0, Math.min(255, sum)));
            }
        }
        return out;
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : v >= size ? size - 1 : v;
    }
}
