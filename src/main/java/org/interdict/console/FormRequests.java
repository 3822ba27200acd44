package org.interdict.console;

import jakarta.validation.Validator;
import org.interdict.error.ProblemException;

/** Requests the console builds from a form, checked by the bean validation the API applies to them. */
final class FormRequests {

    private FormRequests() {}

    /** {@code request} when valid, else the API's refusal of it: 400 naming the field. */
    static <T> T valid(Validator validator, T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            var v = violations.iterator().next();
            throw ProblemException.invalid(v.getPropertyPath().toString(), "invalid-value", v.getMessage());
        }
        return request;
    }
}
