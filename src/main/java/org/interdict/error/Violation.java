package org.interdict.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was refused: a field (JSON pointer or parameter name) or a line of a bulk import,
 * with a stable code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, Integer line, String input, String code, String message, String hint) {

    public static Violation ofField(String field, String code, String message) {
        return new Violation(field, null, null, code, message, null);
    }

    public static Violation ofLine(int line, String input, String code, String message, String hint) {
        return new Violation(null, line, input, code, message, hint);
    }
}
