package acme.lockers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockerBankTest {

    @Test
    void aParcelGoesToTheNearestFittingLocker() {
        LockerBank b = new LockerBank("SSMLM");
        assertEquals(2, b.store("box", 'M'));
    }

    @Test
    void smallParcelsUseTheFirstFreeLocker() {
        LockerBank b = new LockerBank("SMLL");
        assertEquals(0, b.store("letter", 'S'));
        assertEquals(1, b.store("book", 'S'));
    }

    @Test
    void noLockerLargeEnough() {
        LockerBank b = new LockerBank("SSM");
        assertEquals(-1, b.store("bike", 'L'));
        assertEquals(3, b.free());
    }

    @Test
    void collectingFreesTheLocker() {
        LockerBank b = new LockerBank("LL");
        int n = b.store("tv", 'L');
        assertEquals("tv", b.collect(n));
        assertNull(b.collect(n));
        assertEquals(2, b.free());
    }
}
