package dev.aap.repair.localize;

/**
 * A source line and how suspicious it is.
 *
 * @param file  project-relative source path
 * @param line  1-based line
 * @param score Ochiai suspiciousness in [0, 1]
 */
public record Suspicious(String file, int line, double score) {

    @Override
    public String toString() {
        return file + ":" + line + String.format(" (%.2f)", score);
    }
}
