package acme.property;

import java.util.ArrayList;
import java.util.List;

/** Room shapes of a floor plan and the areas a listing shows, in square metres. */
public class FloorPlan {

    /** A room outline. */
    public sealed interface Room permits Rect, Round, LShape {
        String name();
    }

    public record Rect(String name, double width, double depth) implements Room {
    }

    public record Round(String name, double radius) implements Room {
    }

    /** A rectangle with a rectangular corner cut out. */
    public record LShape(String name, double width, double depth, double cutWidth, double cutDepth) implements Room {
    }

    private final List<Room> rooms = new ArrayList<>();

    public FloorPlan add(Room room) {
        rooms.add(room);
        return this;
    }

    public static double area(Room room) {
        if (room instanceof Rect r) {
            return r.width() * r.depth();
        }
        if (room instanceof Round r) {
            return Math.PI * r.radius() * r.radius();
        }
        LShape l = (LShape) room;
        return l.width() * l.depth() - l.cutWidth() * l.cutDepth();
    }

    public double totalArea() {
        double sum = 0;
        for (Room r : rooms) {
            sum += area(r);
        }
        return Math.round(sum * 100) / 100.0;
    }

    public Room largest() {
        Room best = null;
        for (Room r : rooms) {
            if (best == null || area(r) > area(best)) {
                best = r;
            }
        }
        return best;
    }
}
