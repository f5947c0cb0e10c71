package acme.inventory;

import java.util.HashMap;
import java.util.Map;

/** On-hand and reserved quantities per SKU; reservations hold stock for orders not yet shipped. */
public class StockLedger {

    private final Map<String, Integer> onHand = new HashMap<>();
    private final Map<String, Integer> reserved = new HashMap<>();

    public void receive(String sku, int qty) {
        if (qty <= 0) {
            throw new IllegalArgumentException("received quantity must be positive: " + qty);
        }
        onHand.merge(sku, qty, Integer::sum);
    }

    public int available(String sku) {
        return onHand.getOrDefault(sku, 0) - reserved.getOrDefault(sku, 0);
    }

    /** Reserves qty units; refuses non-positive quantities and more than is available. */
    public void reserve(String sku, int qty) {
        if (qty > available(sku)) {
            throw new IllegalArgumentException("cannot reserve " + qty + " of " + sku + ", available "
                    + available(sku));
        }
        reserved.merge(sku, qty, Integer::sum);
    }

    /** Ships reserved units: they leave both the shelf and the reservation. */
    public void ship(String sku, int qty) {
        int held = reserved.getOrDefault(sku, 0);
        if (qty > held) {
            throw new IllegalStateException("only " + held + " of " + sku + " reserved");
        }
        reserved.put(sku, held - qty);
        onHand.merge(sku, -qty, Integer::sum);
    }

    public int reserved(String sku) {
        return reserved.getOrDefault(sku, 0);
    }
}
