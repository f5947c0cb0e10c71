package acme.editor;

import java.util.ArrayDeque;
import java.util.Deque;

/** Undo and redo for a text editor, keeping at most a fixed number of past states. */
public class UndoHistory {

    private final int limit;
    private final Deque<String> undo = new ArrayDeque<>();
    private final Deque<String> redo = new ArrayDeque<>();
    private String current;

    public UndoHistory(String initial, int limit) {
        this.current = initial;
        this.limit = limit;
    }

    public String current() {
        return current;
    }

    /** Records an edit; the oldest state is forgotten once the limit is reached. */
    public void edit(String next) {
        undo.addLast(current);
        if (undo.size() > limit) {
            undo.removeFirst();
        }
        redo.clear();
        current = next;
    }

    public boolean undo() {
        String previous = undo.pollLast();
        if (previous == null) {
            return false;
        }
        redo.addLast(current);
        current = previous;
        return true;
    }

    public boolean redo() {
        String next = redo.pollLast();
        if (next == null) {
            return false;
        }
        undo.addLast(current);
        current = next;
        return true;
    }
}
