package org.interdict.paging;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.interdict.error.ProblemException;

/** Query parameters parsed by hand, so a bad value is a 400 naming the parameter, not a bare 404. */
public final class QueryParams {

    private QueryParams() {}

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value(name, value, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_')),
                "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    public static <T> T value(String name, String value, Function<String, T> parser, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(name, "invalid-parameter", "'" + value + "' is not valid; expected " + expected);
        }
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
