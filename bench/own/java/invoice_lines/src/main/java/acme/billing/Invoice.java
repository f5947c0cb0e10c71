package acme.billing;

import java.util.ArrayList;
import java.util.List;

/** An invoice in cents: lines with quantity discounts and credit notes, then VAT on the net total. */
public class Invoice {

    /** One billed line; a voucher takes a fixed amount off the line. */
    public record Line(String description, long unitCents, int quantity, long voucherCents) {
        long net() {
            long gross = unitCents * quantity;
            return gross - voucherCents;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private long creditCents;

    public Invoice add(String description, long unitCents, int quantity) {
        return add(description, unitCents, quantity, 0);
    }

    public Invoice add(String description, long unitCents, int quantity, long voucherCents) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        lines.add(new Line(description, unitCents, quantity, voucherCents));
        return this;
    }

    public Invoice credit(long cents) {
        creditCents += cents;
        return this;
    }

    public long net() {
        long sum = 0;
        for (Line l : lines) {
            sum += l.net();
        }
        return Math.max(0, sum - creditCents);
    }

    /** Net plus VAT at the given percentage, rounded half up to the cent. */
    public long total(int vatPercent) {
        long n = net();
        return n + (n * vatPercent + 50) / 100;
    }
}
