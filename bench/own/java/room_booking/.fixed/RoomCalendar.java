package acme.booking;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Meeting-room bookings; a room holds one meeting at a time. */
public class RoomCalendar {

    /** A booked slot; end is exclusive. */
    public record Slot(String title, LocalDateTime start, LocalDateTime end) {
        public Slot {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a meeting must end after it starts");
            }
        }

        boolean overlaps(Slot other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    private final List<Slot> slots = new ArrayList<>();

    /** Books the slot unless it clashes; returns whether it was booked. */
    public boolean book(Slot slot) {
        for (Slot s : slots) {
            if (s.overlaps(slot)) {
                return false;
            }
        }
        slots.add(slot);
        return true;
    }

    public List<Slot> clashes(Slot wanted) {
        return slots.stream().filter(s -> s.overlaps(wanted)).toList();
    }

    public int size() {
        return slots.size();
    }
}
