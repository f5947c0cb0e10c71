package dev.aap.core.secrets;

/** A secret's span in the scanned text; offsets are absolute, {@code end} exclusive. */
record Hit(String rule, int start, int end) {

    boolean overlaps(Hit other) {
        return start < other.end && other.start < end;
    }
}
