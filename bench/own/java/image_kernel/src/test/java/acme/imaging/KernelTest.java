package acme.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelTest {

    @Test
    void identityKernelKeepsTheImage() {
        Kernel k = new Kernel(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        int[][] img = {{1, 2, 3, 4}, {5, 6, 7, 8}};
        assertArrayEquals(img, k.apply(img));
    }

    @Test
    void blurOfAFlatImageIsFlat() {
        int[][] img = {{9, 9, 9}, {9, 9, 9}};
        assertArrayEquals(img, Kernel.boxBlur().apply(img));
    }

    @Test
    void shiftKernelMovesTheImageLeftOnAWideImage() {
        Kernel k = new Kernel(new double[][] {{0, 0, 0}, {0, 0, 1}, {0, 0, 0}});
        int[][] img = {{10, 20, 30, 40}, {50, 60, 70, 80}};
        assertArrayEquals(new int[][] {{20, 30, 40, 40}, {60, 70, 80, 80}}, k.apply(img));
    }

    @Test
    void resultsAreClampedToTheByteRange() {
        Kernel k = new Kernel(new double[][] {{0, 0, 0}, {0, 3, 0}, {0, 0, 0}});
        assertArrayEquals(new int[][] {{255, 30}}, k.apply(new int[][] {{100, 10}}));
    }

    @Test
    void evenKernelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Kernel(new double[][] {{1, 1}, {1, 1}}));
    }
}
