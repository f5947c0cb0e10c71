package acme.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StockLedgerTest {

    private StockLedger ledger() {
        StockLedger l = new StockLedger();
        l.receive("bolt", 10);
        return l;
    }

    @Test
    void reservingLowersAvailability() {
        StockLedger l = ledger();
        l.reserve("bolt", 4);
        assertEquals(6, l.available("bolt"));
    }

    @Test
    void cannotReserveMoreThanAvailable() {
        StockLedger l = ledger();
        l.reserve("bolt", 8);
        assertThrows(IllegalArgumentException.class, () -> l.reserve("bolt", 3));
    }

    @Test
    void negativeReservationIsRefused() {
        StockLedger l = ledger();
        assertThrows(IllegalArgumentException.class, () -> l.reserve("bolt", -5));
        assertEquals(10, l.available("bolt"));
    }

    @Test
    void shippingConsumesTheReservation() {
        StockLedger l = ledger();
        l.reserve("bolt", 5);
        l.ship("bolt", 3);
        assertEquals(2, l.reserved("bolt"));
        assertEquals(5, l.available("bolt"));
    }

    @Test
    void shippingUnreservedStockFails() {
        StockLedger l = ledger();
        assertThrows(IllegalStateException.class, () -> l.ship("bolt", 1));
    }
}
