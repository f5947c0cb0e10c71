package acme.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Double-entry accounts in cents: every transfer debits one account and credits another. */
public class Ledger {

    /** One posted movement. */
    public record Entry(String from, String to, long cents, String memo) {
    }

    private final Map<String, Long> balances = new LinkedHashMap<>();
    private final List<Entry> journal = new ArrayList<>();

    public void open(String account, long openingCents) {
        if (balances.putIfAbsent(account, openingCents) != null) {
            throw new IllegalArgumentException("account exists: " + account);
        }
    }

    public long balance(String account) {
        Long b = balances.get(account);
        if (b == null) {
            throw new IllegalArgumentException("no such account: " + account);
        }
        return b;
    }

    private void post(String from, String to, long cents, String memo) {
        if (cents <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (balance(from) < cents) {
            throw new IllegalStateException("insufficient funds in " + from);
        }
        balances.put(from, balance(from) - cents);
        balances.put(to, balance(to) + cents);
        journal.add(new Entry(from, to, cents, memo));
    }

    public void transfer(String from, String to, long cents) {
        post(from, to, cents, "transfer");
    }

    /** Pays a bill from the account to the payee and books the fee to the bank's fee account. */
    public void payBill(String account, String payee, long cents, long feeCents) {
        post(account, payee, cents, "bill");
        if (feeCents > 0) {
            post("bank-fees", account, feeCents, "fee");
        }
    }

    public List<Entry> journal() {
        return List.copyOf(journal);
    }
}
