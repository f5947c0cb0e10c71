package acme.venue;

/** Seats of an auditorium as rows of seats; used to sell tickets and report free seats per aisle position. */
public class Auditorium {

    private final boolean[][] sold;

    public Auditorium(int rows, int seatsPerRow) {
        sold = new boolean[rows][seatsPerRow];
    }

    public int rows() {
        return sold.length;
    }

    public int seatsPerRow() {
        return sold[0].length;
    }

    public boolean sell(int row, int seat) {
        if (sold[row][seat]) {
            return false;
        }
        sold[row][seat] = true;
        return true;
    }

    /** Free seats in one row. */
    public int freeInRow(int row) {
        int free = 0;
        for (int s = 0; s < seatsPerRow(); s++) {
            if (!sold[row][s]) {
                free++;
            }
        }
        return free;
    }

    /** Free seats at one seat number across all rows, e.g. the aisle seats. */
    public int freeInColumn(int seat) {
        int free = 0;
        for (int r = 0; r < rows(); r++) {
            if (!sold[r][seat]) {
                free++;
            }
        }
        return free;
    }

    public int freeTotal() {
        int free = 0;
        for (int r = 0; r < rows(); r++) {
            free += freeInRow(r);
        }
        return free;
    }
}
