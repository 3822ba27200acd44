package org.interdict.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.function.Function;
import org.interdict.error.ProblemException;

/** Reads a form's fields into the API's requests and refuses them as the API would: 400 naming the field. */
final class FormChecks {

    private FormChecks() {}

    /** The same bean validation the API applies to a request. */
    static <T> T valid(Validator validator, T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> v = violations.iterator().next();
            throw ProblemException.invalid(v.getPropertyPath().toString(), "invalid-value", v.getMessage());
        }
        return request;
    }

    /** A typed field: null when left empty, refused as an invalid value when it cannot be read. */
    static <T> T read(String field, String text, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(field, "invalid-value", "'" + text + "' cannot be read as " + field);
        }
    }
}
