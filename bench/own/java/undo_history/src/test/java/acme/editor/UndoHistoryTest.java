package acme.editor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UndoHistoryTest {

    private UndoHistory typed(String... states) {
        UndoHistory h = new UndoHistory("", 10);
        for (String s : states) {
            h.edit(s);
        }
        return h;
    }

    @Test
    void undoStepsBackOneEditAtATime() {
        UndoHistory h = typed("a", "ab", "abc");
        assertTrue(h.undo());
        assertEquals("ab", h.current());
        assertTrue(h.undo());
        assertEquals("a", h.current());
    }

    @Test
    void redoRestoresWhatWasUndone() {
        UndoHistory h = typed("a", "ab", "abc");
        h.undo();
        h.undo();
        h.redo();
        assertEquals("ab", h.current());
    }

    @Test
    void aNewEditClearsRedo() {
        UndoHistory h = typed("a", "ab");
        h.undo();
        h.edit("ax");
        assertFalse(h.redo());
        assertEquals("ax", h.current());
    }

    @Test
    void onlyTheNewestStatesAreKept() {
        UndoHistory h = new UndoHistory("0", 2);
        h.edit("1");
        h.edit("2");
        h.edit("3");
        assertTrue(h.undo());
        assertTrue(h.undo());
        assertFalse(h.undo());
        assertEquals("1", h.current());
    }

    @Test
    void nothingToUndoAtTheStart() {
        assertFalse(new UndoHistory("x", 5).undo());
    }
}
