package org.interdict.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.interdict.error.ProblemException;

/** Query parameters parsed by hand, so a bad value is a 400 naming the parameter, not a bare 404. */
public final class QueryParams {

    /** How far ahead of this server's clock an instant may be: a client's clock may run a little fast. */
    public static final Duration CLOCK_DRIFT = Duration.ofMinutes(1);

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

    /**
     * An instant a rule set is asked about ({@code at}): ISO-8601, from the Unix epoch (no version is older) to
     * {@code now} plus {@link #CLOCK_DRIFT}. A later one is refused rather than answered with the current version:
     * nothing tells which version will be current then.
     */
    public static Instant pastInstant(String name, String value, Instant now) {
        Instant instant = value(name, value, Instant::parse, "an ISO-8601 instant such as 2026-04-30T00:00:00Z");
        if (instant != null && (instant.isBefore(Instant.EPOCH) || instant.isAfter(now.plus(CLOCK_DRIFT)))) {
            throw ProblemException.invalid(name, "out-of-range", "'" + value + "' is out of range: " + name
                    + " takes an instant from " + Instant.EPOCH + " to now (" + now + ")");
        }
        return instant;
    }

    /**
     * The version an {@code If-Match} header expects, from the ETag a read returned ({@code "3"}, or weak
     * {@code W/"3"}); null when the header is absent, so that the write does not check.
     */
    public static Integer versionTag(String name, String value) {
        return value(name, value, tag -> Integer.parseInt(tag.replace("W/", "").replace("\"", "")),
                "an ETag of this record");
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
