package org.interdict.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was refused: a field (JSON pointer or parameter name) or a line of a bulk import,
 * with a stable code. An echoed input (or field name) longer than {@value #ECHO_LIMIT} characters is cut there and
 * ends in an ellipsis, wherever the message and the hint quote it too, so that a refused megabyte line does not come
 * back as a megabyte answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, Integer line, String input, String code, String message, String hint) {

    public static final int ECHO_LIMIT = 200;
    /** Room for the reason around a quoted input, which may also appear in another form (normalised, say). */
    static final int MESSAGE_LIMIT = 2 * ECHO_LIMIT;

    public Violation {
        // A field is named by the client when it is a parameter or a header: as long as it likes.
        field = field == null ? null : cut(field, ECHO_LIMIT);
        if (input != null && input.length() > ECHO_LIMIT) {
            String shown = cut(input, ECHO_LIMIT);
            message = message == null ? null : cut(message.replace(input, shown), MESSAGE_LIMIT);
            hint = hint == null ? null : cut(hint, ECHO_LIMIT);
            input = shown;
        }
    }

    public static Violation ofField(String field, String code, String message) {
        return new Violation(field, null, null, code, message, null);
    }

    public static Violation ofLine(int line, String input, String code, String message, String hint) {
        return new Violation(null, line, input, code, message, hint);
    }

    /** The first {@code limit} characters and an ellipsis, never splitting a surrogate pair. */
    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end) + "…";
    }
}
