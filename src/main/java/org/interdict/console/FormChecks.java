package org.interdict.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;

/**
 * Reads a form's fields into the API's requests and refuses them as the API would: 400 naming the field; and answers
 * a form: after its change, 303 to the page the change names; on a refusal, the page again with the refusal, under
 * the API's status.
 */
final class FormChecks {

    private FormChecks() {}

    /** Carries out {@code change}, then sends the browser where it says; a refusal shows {@code refusedPage}. */
    static Response afterChange(Supplier<String> change, Function<Problem, TemplateInstance> refusedPage) {
        try {
            return Response.seeOther(URI.create(change.get())).build();
        } catch (ProblemException e) {
            return refused(e, refusedPage.apply(e.toProblem()));
        }
    }

    /** {@code page}, which shows the refusal, under the refusal's status. */
    static Response refused(ProblemException e, TemplateInstance page) {
        return Response.status(e.category().status()).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    /** Standard constraint messages in Vietnamese, read here rather than by the validator (see {@link #message}). */
    private static final ResourceBundle VIETNAMESE_MESSAGES = ResourceBundle.getBundle("ValidationMessages",
            Visit.VIETNAMESE, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** A message attribute such as {@code {max}}. */
    private static final Pattern ATTRIBUTE = Pattern.compile("\\{(\\w+)}");

    /** The same bean validation the API applies to a request, its refusal in the visitor's language. */
    static <T> T valid(Validator validator, T request, Locale locale) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> v = violations.iterator().next();
            throw ProblemException.invalid(v.getPropertyPath().toString(), "invalid-value", message(v, locale));
        }
        return request;
    }

    /**
     * A violation's message in the visitor's language. The validator writes English (the API's language); a
     * Vietnamese message is looked up by the constraint's message key and its attributes filled in here, because the
     * validator only interpolates in the locales it loaded at build time. A message the project wrote itself stays as
     * written.
     */
    static String message(ConstraintViolation<?> v, Locale locale) {
        String template = v.getMessageTemplate();
        if (!locale.equals(Visit.VIETNAMESE) || !template.startsWith("{") || !template.endsWith("}")) {
            return v.getMessage();
        }
        String key = template.substring(1, template.length() - 1);
        if (!VIETNAMESE_MESSAGES.containsKey(key)) {
            return v.getMessage();
        }
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        return ATTRIBUTE.matcher(VIETNAMESE_MESSAGES.getString(key)).replaceAll(found -> Matcher.quoteReplacement(
                String.valueOf(attributes.getOrDefault(found.group(1), found.group()))));
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

    /** A form field as typed, stripped; null when left empty. */
    static String field(MultivaluedMap<String, String> form, String name) {
        return read(name, form.getFirst(name), text -> text);
    }

    /** A form field as typed, stripped; empty when left out. */
    static String text(MultivaluedMap<String, String> form, String name) {
        return blank(strip(form.getFirst(name)));
    }

    /** An instant as a {@code datetime-local} field shows it, to the minute in {@code zone}; empty for none. */
    static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The version a form was shown at (a hidden field), or null when it is not one. */
    static Integer version(String text) {
        return text != null && text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
    }

    /** A validation path without list positions: {@code isps[2].<list element>} is {@code isps}, a form's field. */
    static String fieldOf(String path) {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }

    /** The non-empty lines of a text area, each stripped; none for a field left out. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Null for a blank value, else the value stripped. */
    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** What a form shows for a value that may be missing. */
    static String blank(String text) {
        return text == null ? "" : text;
    }
}
