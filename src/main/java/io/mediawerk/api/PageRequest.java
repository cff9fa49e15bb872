package io.mediawerk.api;

import java.util.Set;

/**
 * The list parameters every list endpoint takes: {@code page}, {@code limit}, {@code sort}, {@code order}. They are
 * read as text so that a non-number is a 400 that names the parameter rather than a JAX-RS 404.
 */
public record PageRequest(int page, int limit, String sort, boolean ascending, Cursor cursor) {

    public static final int MAX_LIMIT = 250;
    public static final int DEFAULT_LIMIT = 10;

    /**
     * Keyset paging by {@code created}: the page after (or before) the item with this id; the page's links lead on
     * from its first and last items. Both null for the first page.
     */
    public record Cursor(String after, String before) {}

    public PageRequest(int page, int limit, String sort, boolean ascending) {
        this(page, limit, sort, ascending, null);
    }

    /**
     * A list that pages by cursor unless {@code page} is given or it is sorted by something other than its
     * {@code cursorSort}: {@code after} and {@code before} name items by id ({@code idPrefix}).
     */
    public static PageRequest parse(
            String page,
            String limit,
            String sort,
            String order,
            String after,
            String before,
            Set<String> sorts,
            String cursorSort,
            String idPrefix) {
        PageRequest request = parse(page, limit, sort, order, sorts, cursorSort);
        boolean hasAfter = after != null && !after.isBlank();
        boolean hasBefore = before != null && !before.isBlank();
        if (hasAfter || hasBefore) {
            String param = hasAfter ? "after" : "before";
            if (hasAfter && hasBefore) {
                throw ApiException.invalid("before", "Send after or before, not both.");
            }
            if (page != null && !page.isBlank()) {
                throw ApiException.invalid(param, param + " pages from an item; leave page out when sending it.");
            }
            if (!request.sort().equals(cursorSort)) {
                throw ApiException.invalid(
                        param, param + " pages through the list sorted by " + cursorSort + "; sort by it or use page.");
            }
            String id = hasAfter ? after : before;
            if (!Ids.looksLike(id, idPrefix)) {
                throw ApiException.invalid(param, param + " must be the id of an item of the list; got '" + id + "'.");
            }
        }
        boolean byCursor = (page == null || page.isBlank()) && request.sort().equals(cursorSort);
        return byCursor
                ? new PageRequest(
                        1,
                        request.limit(),
                        request.sort(),
                        request.ascending(),
                        new Cursor(hasAfter ? after : null, hasBefore ? before : null))
                : request;
    }

    public static PageRequest parse(
            String page, String limit, String sort, String order, Set<String> sorts, String defaultSort) {
        int pageNumber = parseInt("page", page, 1, 1, Integer.MAX_VALUE / MAX_LIMIT);
        int size = parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        String sortBy = sort == null || sort.isBlank() ? defaultSort : sort;
        if (!sorts.contains(sortBy)) {
            throw ApiException.invalid(
                    "sort", "sort must be one of " + String.join(", ", sorted(sorts)) + "; got '" + sortBy + "'.");
        }
        String direction = order == null || order.isBlank() ? "desc" : order;
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.invalid("order", "order must be asc or desc; got '" + direction + "'.");
        }
        return new PageRequest(pageNumber, size, sortBy, direction.equals("asc"));
    }

    private static int parseInt(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(
                    name, name + " must be a whole number from " + min + " to " + max + "; got '" + value + "'.");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.invalid(name, name + " must be from " + min + " to " + max + "; got " + parsed + ".");
        }
        return parsed;
    }

    private static java.util.List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    public boolean byCursor() {
        return cursor != null;
    }

    public int offset() {
        return (page - 1) * limit;
    }

    public String order() {
        return ascending ? "asc" : "desc";
    }
}
