package org.interdict.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.config.InterdictConfig;
import org.interdict.error.Problem;
import org.interdict.error.Violation;

/**
 * The first route of every request, ahead of Quarkus' own body-size check (order -2), CORS and authentication
 * (-300 and after) and the poll short-cut of the rule-set package.
 *
 * <p>It refuses requests larger than the configured limits with a problem document: the HTTP codec would answer a
 * bare 414 or 431, and Quarkus a bare 413, and the Vert.x server they run on offers no hook for a body there. The
 * codec's own limits are therefore set higher (application.properties), as a ceiling for what is buffered at all.
 *
 * <p>It also puts the security headers on every answer, whoever writes it: {@code nosniff}, no referrer,
 * {@code no-store} on API answers that state no caching of their own (rule-set downloads state theirs), no cookie on
 * API and public answers, a
 * Content-Security-Policy on HTML pages, and HSTS when the request came over TLS, directly or through a proxy that
 * says so in {@code X-Forwarded-Proto}.
 */
@ApplicationScoped
public class HttpEdge {

    static final int ORDER = -10_000;
    static final String HSTS = "max-age=31536000";
    /** Pages load scripts and styles from this site only, never inline, and are framed nowhere. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    private final InterdictConfig.Http limits;
    private final long maxBody;
    private final ObjectMapper json;
    private final String csrfCookie;

    public HttpEdge(InterdictConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody, ObjectMapper json,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String csrfCookie) {
        this.limits = config.http();
        this.maxBody = maxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.json = json;
        this.csrfCookie = csrfCookie;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> secure(context, csrfCookie));
        Problem refusal = refusal(context.request());
        if (refusal == null) {
            context.next();
        } else {
            refuse(context, refusal);
        }
    }

    private Problem refusal(HttpServerRequest request) {
        int uri = request.uri().length();
        if (uri > limits.maxUriLength()) {
            return Problem.of(414, "uri-too-long", "URI too long", "The request target has " + uri
                    + " characters; at most " + limits.maxUriLength() + " are accepted");
        }
        int headers = 0;
        String largest = null;
        int largestSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            // Name, ": ", value and CRLF, as the codec counts them (header bytes are single-byte characters).
            int size = header.getKey().length() + header.getValue().length() + 4;
            headers += size;
            if (size > largestSize) {
                largest = header.getKey();
                largestSize = size;
            }
        }
        if (headers > limits.maxHeaderSize()) {
            String detail = "The request header fields take " + headers + " bytes; at most " + limits.maxHeaderSize()
                    + " are accepted";
            return Problem.of(431, "headers-too-large", "Request header fields too large", detail)
                    .withViolations(List.of(Violation.ofField(largest, "header-too-large",
                            "the largest field, " + largestSize + " bytes")), 1);
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && bodyTooLarge(length)) {
            return Problem.of(413, "body-too-large", "Request body too large", "The request body has " + length.strip()
                    + " bytes; at most " + maxBody + " are accepted");
        }
        return null;
    }

    private boolean bodyTooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBody;
        } catch (NumberFormatException e) {
            return false; // the codec refuses a malformed Content-Length before any route runs
        }
    }

    /** Answers and closes the connection: the client may still be sending what was refused. */
    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (request.version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(ignored -> request.connection().close());
        }
        response.end(body);
    }

    private static void secure(RoutingContext context, String csrfCookie) {
        MultiMap headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        HttpServerRequest request = context.request();
        boolean api = request.path() != null && request.path().startsWith("/api/");
        if (api && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        boolean publicSide = request.path() != null && request.path().startsWith(PublicEdge.PUBLIC_PREFIX);
        if (api || publicSide && !request.path().startsWith(PublicEdge.APPEAL_PAGES_PREFIX)) {
            // The API is stateless: its callers send a bearer token; the public side keeps no session at all. The
            // console's CSRF filter would otherwise hand every caller a token cookie it has no use for (its token
            // paths can only be listed exactly). The appeal form is the public side's one form: it keeps the token's
            // cookie, which is no session, only what its multipart post is checked against.
            context.response().removeCookies(csrfCookie, false);
        }
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("text/html")) {
            headers.set("Content-Security-Policy", PAGE_POLICY);
        }
        if ("https".equalsIgnoreCase(request.scheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
