package acme.property;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FloorPlanTest {

    @Test
    void rectangleArea() {
        assertEquals(12.0, FloorPlan.area(new FloorPlan.Rect("bed", 3, 4)), 1e-9);
    }

    @Test
    void roundRoomArea() {
        assertEquals(Math.PI * 4, FloorPlan.area(new FloorPlan.Round("tower", 2)), 1e-9);
    }

    @Test
    void lShapedRoomLosesItsCutOut() {
        assertEquals(20.0, FloorPlan.area(new FloorPlan.LShape("living", 6, 4, 2, 2)), 1e-9);
    }

    @Test
    void totalIsRoundedToTheCentimetre() {
        FloorPlan p = new FloorPlan().add(new FloorPlan.Rect("hall", 1.5, 2)).add(new FloorPlan.Round("bay", 1));
        assertEquals(6.14, p.totalArea(), 1e-9);
    }

    @Test
    void largestRoom() {
        FloorPlan p = new FloorPlan().add(new FloorPlan.Rect("study", 3, 3)).add(new FloorPlan.Round("salon", 2))
                .add(new FloorPlan.Rect("wc", 1, 2));
        assertEquals("salon", p.largest().name());
        assertNull(new FloorPlan().largest());
    }
}
