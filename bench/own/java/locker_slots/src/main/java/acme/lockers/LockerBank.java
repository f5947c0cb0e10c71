package acme.lockers;

import java.util.Arrays;

/** A bank of parcel lockers in sizes S, M and L; a parcel goes to the nearest free locker that fits. */
public class LockerBank {

    private final char[] sizes;
    private final String[] parcels;

    public LockerBank(String layout) {
        this.sizes = layout.toCharArray();
        this.parcels = new String[sizes.length];
    }

    private static int rank(char size) {
        return "SML".indexOf(size);
    }

    /** Puts the parcel in the first free locker from the entrance that is large enough; returns its number or -1. */
    public int store(String parcel, char parcelSize) {
        int chosen = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (parcels[i] == null && rank(sizes[i]) >= rank(parcelSize)) {
                chosen = i;
            }
        }
        if (chosen >= 0) {
            parcels[chosen] = parcel;
        }
        return chosen;
    }

    public String collect(int locker) {
        String p = parcels[locker];
        parcels[locker] = null;
        return p;
    }

    public long free() {
        return Arrays.stream(parcels).filter(p -> p == null).count();
    }
}
