package com.example.route;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private final Router router = new Router()
            .add("/files/new", "newFile")
            .add("/files/{name}", "getFile")
            .add("/users/{id}", "getUser");

    @Test
    void theFirstMatchingRouteWins() {
        assertEquals("newFile", router.resolve("/files/new").orElseThrow().handler());
        assertEquals(new Router.Match("getFile", Map.of("name", "a.txt")), router.resolve("/files/a.txt").orElseThrow());
    }

    @Test
    void noRouteNoMatch() {
        assertTrue(router.resolve("/nothing/here").isEmpty());
    }
}
