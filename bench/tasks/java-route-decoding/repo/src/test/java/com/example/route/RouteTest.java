package com.example.route;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTest {

    @Test
    void capturesParameters() {
        assertEquals(Optional.of(Map.of("id", "42", "name", "cv.pdf")),
                Route.of("/users/{id}/files/{name}").match("/users/42/files/cv.pdf"));
    }

    @Test
    void literalSegmentsMustBeEqual() {
        assertTrue(Route.of("/users/{id}").match("/groups/42").isEmpty());
        assertTrue(Route.of("/users/{id}").match("/users/42/files").isEmpty());
    }

    @Test
    void anEmptySegmentIsNotAParameter() {
        assertTrue(Route.of("/users/{id}/files").match("/users//files").isEmpty());
    }

    @Test
    void ignoresTheQueryStringAndATrailingSlash() {
        assertEquals(Optional.of(Map.of("id", "7")), Route.of("/users/{id}").match("/users/7/?tab=files"));
    }

    @Test
    void aPlusInAPathIsAPlus() {
        assertEquals(Optional.of(Map.of("q", "c++")), Route.of("/search/{q}").match("/search/c++"));
    }

    @Test
    void templatesStartWithASlash() {
        assertThrows(IllegalArgumentException.class, () -> Route.of("users/{id}"));
    }
}
