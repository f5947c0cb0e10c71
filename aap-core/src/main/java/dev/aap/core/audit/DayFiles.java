package dev.aap.core.audit;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** {@link AuditStore} over {@code YYYY-MM-DD.jsonl} files, one canonical record a line. */
final class DayFiles implements AuditStore {

    /** One line of a day file, with where it is, for the verifier to name. */
    record Line(String file, int number, String text) {
    }

    private static final Pattern DAY_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.jsonl");

    private final Path dir;
    private final boolean fsync;
    /** The last record this object saw and the size of its file then; reused while the file has not grown. */
    private Tail cached;

    private record Tail(Path file, long size, AuditRecord record) {
    }

    DayFiles(Path dir, boolean fsync) {
        this.dir = dir.toAbsolutePath().normalize();
        this.fsync = fsync;
    }

    @Override
    public AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EnvironmentException("cannot make " + dir + " (" + e.getMessage() + "): check AAP_HOME", e);
        }
        return FileLocks.locked(dir.resolve(".lock"), () -> {
            synchronized (this) {
                List<Path> files = dayFiles();
                Optional<AuditRecord> last = last(files);
                AuditRecord record = next.apply(last);
                Path file = fileFor(record, files);
                long size = write(file, record);
                cached = new Tail(file, size, record);
                return record;
            }
        });
    }

    @Override
    public List<AuditRecord> read(LocalDate since) {
        List<AuditRecord> out = new ArrayList<>();
        for (Line l : lines(since)) {
            try {
                out.add(AuditRecord.parse(l.text()));
            } catch (IllegalArgumentException e) {
                throw new EnvironmentException(l.file() + ":" + l.number() + " is not an audit record ("
                        + e.getMessage() + "): run aap audit verify");
            }
        }
        return out;
    }

    /** Every line of the day files from {@code since} (null: all), in order; a last line without its line break too. */
    List<Line> lines(LocalDate since) {
        List<Line> out = new ArrayList<>();
        for (Path f : dayFiles()) {
            if (since != null && day(f).isBefore(since)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new EnvironmentException("cannot read " + f + " (" + e.getMessage() + ")", e);
            }
            int n = 0;
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                int stop = end < 0 ? text.length() : end;
                out.add(new Line(f.getFileName().toString(), ++n, text.substring(start, stop)));
                start = stop + 1;
            }
        }
        return out;
    }

    /** The day files, oldest first. */
    List<Path> dayFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> DAY_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new EnvironmentException("cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    static LocalDate day(Path file) {
        return LocalDate.parse(file.getFileName().toString().substring(0, 10));
    }

    private Optional<AuditRecord> last(List<Path> files) {
        for (int i = files.size() - 1; i >= 0; i--) {
            Path f = files.get(i);
            long size = size(f);
            if (cached != null && cached.file.equals(f) && cached.size == size) {
                return Optional.of(cached.record);
            }
            if (size > 0) {
                return Optional.of(lastRecord(f, size));
            }
        }
        return Optional.empty();
    }

    /** A record's day file is its UTC day, but never one before the newest file, so the files stay in log order. */
    private Path fileFor(AuditRecord record, List<Path> files) {
        LocalDate d = record.time().atOffset(ZoneOffset.UTC).toLocalDate();
        if (!files.isEmpty() && day(files.getLast()).isAfter(d)) {
            d = day(files.getLast());
        }
        return dir.resolve(d + ".jsonl");
    }

    private long write(Path file, AuditRecord record) {
        byte[] line = (record.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (fsync) {
                ch.force(false);
            }
            return ch.size();
        } catch (IOException e) {
            throw new EnvironmentException("cannot append to " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static AuditRecord lastRecord(Path f, long size) {
        try (var raf = new RandomAccessFile(f.toFile(), "r")) {
            int window = (int) Math.min(size, 8192);
            while (true) {
                byte[] buf = new byte[window];
                raf.seek(size - window);
                raf.readFully(buf);
                if (buf[window - 1] != '\n') {
                    throw new EnvironmentException(f + " ends with an incomplete record (cut off): run aap audit"
                            + " verify; no record is added after it");
                }
                int start = window - 2;
                while (start >= 0 && buf[start] != '\n') {
                    start--;
                }
                if (start >= 0 || window == size) {
                    String line = new String(buf, start + 1, window - 2 - start, StandardCharsets.UTF_8);
                    return parseTail(f, line);
                }
                window = (int) Math.min(size, (long) window * 4);
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + f + " (" + e.getMessage() + ")", e);
        }
    }

    private static AuditRecord parseTail(Path f, String line) {
        try {
            return AuditRecord.parse(line);
        } catch (IllegalArgumentException e) {
            throw new EnvironmentException("the last line of " + f + " is not an audit record (" + e.getMessage()
                    + "): run aap audit verify; no record is added after it");
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + f + " (" + e.getMessage() + ")", e);
        }
    }
}
