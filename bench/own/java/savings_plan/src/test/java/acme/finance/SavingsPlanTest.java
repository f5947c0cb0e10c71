package acme.finance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SavingsPlanTest {

    @Test
    void depositGrowsWithCompoundInterest() {
        assertEquals(1157.63, SavingsPlan.roundCents(SavingsPlan.futureValue(1000, 0.05, 3)), 1e-9);
    }

    @Test
    void zeroYearsLeavesTheDeposit() {
        assertEquals(250.0, SavingsPlan.futureValue(250, 0.07, 0), 1e-9);
    }

    @Test
    void annuityOfYearlyPayments() {
        assertEquals(3310.0, SavingsPlan.roundCents(SavingsPlan.annuityValue(1000, 0.10, 3)), 1e-9);
        assertEquals(3000.0, SavingsPlan.annuityValue(1000, 0, 3), 1e-9);
    }

    @Test
    void yearsUntilADepositDoubles() {
        assertEquals(9, SavingsPlan.yearsToReach(1000, 0.09, 2000));
        assertEquals(-1, SavingsPlan.yearsToReach(1000, 0, 2000));
    }

    @Test
    void negativeYearsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SavingsPlan.futureValue(1, 0.1, -1));
    }
}
