package acme.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the query part of a URL into its parameters, keeping repeated keys in order. */
public final class QueryString {

    private QueryString() {
    }

    public static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        int i = query.startsWith("?") ? 1 : 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '#') {
                break;
            }
            if (c == '&') {
                add(params, key, value);
                inValue = false;
            } else if (c == '=' && !inValue) {
                inValue = true;
            } else {
                (inValue ? value : key).append(c);
            }
            i++;
        }
        add(params, key, value);
        return params;
    }

    /** The first value of a parameter, or the fallback when it is absent. */
    public static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static void add(Map<String, List<String>> params, StringBuilder key, StringBuilder value) {
        if (key.length() > 0) {
            params.computeIfAbsent(decode(key), k -> new ArrayList<>()).add(decode(value));
        }
        key.setLength(0);
        value.setLength(0);
    }

    private static String decode(StringBuilder sb) {
        return URLDecoder.decode(sb.toString(), StandardCharsets.UTF_8);
    }
}
