package acme.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LedgerTest {

    private Ledger ledger() {
        Ledger l = new Ledger();
        l.open("alice", 10_000);
        l.open("bob", 500);
        l.open("power-co", 0);
        l.open("bank-fees", 0);
        return l;
    }

    @Test
    void transferMovesMoneyFromTheSourceToTheTarget() {
        Ledger l = ledger();
        l.transfer("alice", "bob", 2_500);
        assertEquals(7_500, l.balance("alice"));
        assertEquals(3_000, l.balance("bob"));
    }

    @Test
    void billPaymentChargesTheFee() {
        Ledger l = ledger();
        l.payBill("alice", "power-co", 4_000, 150);
        assertEquals(5_850, l.balance("alice"));
        assertEquals(4_000, l.balance("power-co"));
        assertEquals(150, l.balance("bank-fees"));
    }

    @Test
    void overdraftIsRefusedAndNothingMoves() {
        Ledger l = ledger();
        assertThrows(IllegalStateException.class, () -> l.transfer("bob", "alice", 501));
        assertEquals(500, l.balance("bob"));
    }

    @Test
    void journalRecordsEachMovement() {
        Ledger l = ledger();
        l.payBill("alice", "power-co", 1_000, 50);
        assertEquals(2, l.journal().size());
        assertEquals(new Ledger.Entry("alice", "bank-fees", 50, "fee"), l.journal().get(1));
    }

    @Test
    void unknownAccountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ledger().transfer("alice", "carol", 1));
    }
}
