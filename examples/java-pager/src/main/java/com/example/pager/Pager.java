package com.example.pager;

import java.util.List;

/**
 * Splits a list into fixed-size pages for a paginated API: page numbers start at 0.
 */
public final class Pager {

    private final int pageSize;

    public Pager(int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** How many pages {@code totalItems} items fill; an empty list still has one (empty) page. */
    public int pageCount(int totalItems) {
        if (totalItems == 0) {
            return 1;
        }
        return (totalItems + pageSize - 1) / pageSize;
    }

    /** The items on page {@code page}; empty past the end. */
    public <T> List<T> page(List<T> items, int page) {
        int from = page * pageSize;
        if (from >= items.size()) {
            return List.of();
        }
        int to = Math.min(from + pageSize, items.size());
        return items.subList(from, to);
    }

    /** Whether a "next page" link should be shown on page {@code page}. */
    public boolean hasNext(int page, int totalItems) {
        return page <= pageCount(totalItems) - 1;
    }

    /** Whether a "previous page" link should be shown on page {@code page}. */
    public boolean hasPrevious(int page) {
        return page > 0;
    }
}
