package acme.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InvoiceTest {

    @Test
    void linesAddUp() {
        Invoice i = new Invoice().add("widget", 250, 4).add("gadget", 1000, 1);
        assertEquals(2000, i.net());
    }

    @Test
    void aVoucherLowersItsLine() {
        Invoice i = new Invoice().add("widget", 250, 4, 300).add("gadget", 1000, 1);
        assertEquals(1700, i.net());
    }

    @Test
    void aVoucherLargerThanItsLineDoesNotReduceOtherLines() {
        Invoice i = new Invoice().add("sticker", 50, 2, 500).add("mug", 900, 1);
        assertEquals(900, i.net());
    }

    @Test
    void vatIsRoundedHalfUp() {
        Invoice i = new Invoice().add("service", 1005, 1);
        assertEquals(1206, i.total(20));
    }

    @Test
    void creditCannotMakeTheInvoiceNegative() {
        Invoice i = new Invoice().add("mug", 900, 1).credit(1500);
        assertEquals(0, i.total(20));
    }

    @Test
    void zeroQuantityIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Invoice().add("none", 100, 0));
    }
}
