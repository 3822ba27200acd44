package org.interdict.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, what no operation of the API can take:
 * <ul>
 *   <li>a NUL character (U+0000) in a query parameter, a path parameter or a header: PostgreSQL stores no NUL in
 *       text, so it would fail deep inside an operation; JSON bodies are screened by {@link StrictJson}, text
 *       bodies by {@link TextBodies};</li>
 *   <li>a body declared in a character set other than UTF-8 (or its subset US-ASCII): JSON is UTF-8 by definition
 *       (RFC 8259) and text imports are read as UTF-8, so a Windows-1258 or ISO-8859-1 file would otherwise be
 *       read as something it is not. It is refused with 415, naming the charset, rather than converted: the
 *       client knows best what its file is, and one conversion (iconv) fixes it.</li>
 * </ul>
 */
public class InputScreening {

    @ServerRequestFilter(preMatching = true)
    public void charset(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null || !hasBody(request) || isUtf8(charset)) {
            return;
        }
        String detail = "Request bodies are read as UTF-8; this one is declared as " + charset
                + ". Convert it to UTF-8 (for example iconv -f " + charset + " -t UTF-8) and declare charset=utf-8";
        throw new ProblemException(ErrorCategory.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset", "Unsupported charset",
                detail, List.of(Violation.ofField(HttpHeaders.CONTENT_TYPE, "unsupported-charset",
                        "charset must be utf-8")), 1);
    }

    @ServerRequestFilter
    public void nulCharacters(UriInfo uri, HttpHeaders headers) {
        refuseNul(uri.getPathParameters(), "path parameter");
        refuseNul(uri.getQueryParameters(), "query parameter");
        refuseNul(headers.getRequestHeaders(), "header");
    }

    static boolean containsNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    static String nulMessage(String what) {
        return what + " contains a NUL character (U+0000), which no field accepts";
    }

    private static void refuseNul(MultivaluedMap<String, String> values, String what) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            boolean nul = containsNul(entry.getKey()) || entry.getValue().stream().anyMatch(InputScreening::containsNul);
            if (nul) {
                throw ProblemException.invalid(entry.getKey(), "nul-character", nulMessage("the " + what));
            }
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length == null ? request.getHeaderString("Transfer-Encoding") != null : !length.strip().equals("0");
    }

    private static boolean isUtf8(String name) {
        try {
            Charset charset = Charset.forName(name.strip().replace("\"", ""));
            return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }
}
