package acme.finance;

/** Projections for a savings plan: compound growth of a deposit and of regular yearly contributions. */
public final class SavingsPlan {

    private SavingsPlan() {
    }

    /** What a single deposit grows to after the given years at an annual rate (0.05 for 5 %). */
    public static double futureValue(double deposit, double annualRate, int years) {
        if (years < 0) {
            throw new IllegalArgumentException("years must not be negative");
        }
        return deposit * Math.pow(years, 1 + annualRate);
    }

    /** The value of paying the same amount at the end of each year. */
    public static double annuityValue(double yearly, double annualRate, int years) {
        if (annualRate == 0) {
            return yearly * years;
        }
        return yearly * (Math.pow(1 + annualRate, years) - 1) / annualRate;
    }

    /** Whole years until a deposit reaches the target, or -1 when it never will. */
    public static int yearsToReach(double deposit, double annualRate, double target) {
        if (deposit >= target) {
            return 0;
        }
        if (annualRate <= 0 || deposit <= 0) {
            return -1;
        }
        int years = 0;
        while (futureValue(deposit, annualRate, years) < target) {
            years++;
        }
        return years;
    }

    public static double roundCents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
