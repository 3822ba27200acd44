package org.interdict.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one error pipeline: every failure leaves as {@code application/problem+json}, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of(401, "unauthenticated", "Unauthenticated",
                        "A valid bearer token is required")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> Violation.ofField(fieldOf(v), "invalid-value", v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .collect(Collectors.toList());
        return respond(Problem.of(400, "invalid-request", "Invalid request",
                        violations.size() + " field(s) are invalid")
                .withViolations(violations, violations.size()));
    }

    /** Also claims Jackson's mismatched-input errors, which Quarkus would otherwise answer without a problem body. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class}, priority = 1)
    public Response malformedJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        String detail = "The request body is not valid JSON for this operation";
        Problem problem = Problem.of(400, "malformed-body", "Malformed body", detail);
        if (e instanceof UnrecognizedPropertyException unknown) {
            problem = problem.withViolations(List.of(Violation.ofField(field, "unknown-field",
                    "is not a field of this request; known fields: " + unknown.getKnownPropertyIds())), 1);
        } else if (!field.isEmpty()) {
            problem = problem.withViolations(List.of(Violation.ofField(field, "invalid-value",
                    "cannot be read as the expected type")), 1);
        }
        return respond(problem);
    }

    /** The REST layer wraps JSON it cannot parse (syntax, trailing content) in a bare 400: answered as such. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(Problem.of(status, "internal-error", "Internal error", "The request could not be completed"));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = title.toLowerCase().replace(' ', '-');
        return respond(Problem.of(status, code, title, title));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "internal-error", "Internal error", "The request could not be completed"));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.body.title" -> "title": the method and parameter names mean nothing to a client, nor does the
        // element node of a list ("cves[1].<list element>" -> "cves[1]").
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    /** The property path of a JSON mapping failure, dot-separated (indices of arrays as numbers). */
    public static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
