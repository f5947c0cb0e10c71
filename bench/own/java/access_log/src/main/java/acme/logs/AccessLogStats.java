package acme.logs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Summarises web server access logs: requests per status class and the bytes served. */
public class AccessLogStats {

    private final Map<String, Integer> byStatusClass = new TreeMap<>();
    private long bytes;
    private int skipped;

    /** Reads lines of "METHOD PATH STATUS BYTES"; blank lines and # comments are skipped, malformed ones counted. */
    public AccessLogStats read(List<String> lines) {
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 4) {
                skipped++;
                continue;
            }
            int status = 0;
            long size = 0;
            try {
                status = Integer.parseInt(parts[2]);
                size = parts[3].equals("-") ? 0 : Long.parseLong(parts[3]);
            } catch (NumberFormatException e) {
                skipped++;
            }
            byStatusClass.merge(status / 100 + "xx", 1, Integer::sum);
            bytes += size;
        }
        return this;
    }

    public Map<String, Integer> byStatusClass() {
        return byStatusClass;
    }

    public long bytes() {
        return bytes;
    }

    public int skipped() {
        return skipped;
    }
}
