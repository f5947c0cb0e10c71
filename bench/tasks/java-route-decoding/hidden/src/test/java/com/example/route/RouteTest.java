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

    @Test
    void parametersArePercentDecoded() {
        assertEquals(Optional.of(Map.of("name", "annual report.pdf")),
                Route.of("/files/{name}").match("/files/annual%20report.pdf"));
        assertEquals(Optional.of(Map.of("name", "café menu")),
                Route.of("/files/{name}").match("/files/caf%C3%A9%20menu"));
        assertEquals(Optional.of(Map.of("q", "c++ & 100%")),
                Route.of("/search/{q}").match("/search/c++%20%26%20100%25"));
    }

    @Test
    void anEncodedSlashStaysInsideItsSegment() {
        assertEquals(Optional.of(Map.of("id", "7", "name", "2024/06.csv")),
                Route.of("/users/{id}/files/{name}").match("/users/7/files/2024%2F06.csv"));
    }

    @Test
    void literalSegmentsAreComparedDecoded() {
        assertEquals(Optional.of(Map.of("id", "3")), Route.of("/café/{id}").match("/caf%C3%A9/3"));
        assertEquals(Optional.of(Map.of("id", "3")), Route.of("/my files/{id}").match("/my%20files/3"));
    }

    @Test
    void aMalformedEscapeMatchesNothing() {
        assertTrue(Route.of("/files/{name}").match("/files/100%").isEmpty());
        assertTrue(Route.of("/files/{name}").match("/files/a%2").isEmpty());
        assertTrue(Route.of("/files/{name}").match("/files/a%zzb").isEmpty());
    }
}
