package org.interdict.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Reads text bodies (target and allowlist imports) as UTF-8, the only charset {@link InputScreening} lets through,
 * and refuses one with a NUL character, naming its line: PostgreSQL stores no NUL in text, and a NUL in a
 * justification or a reason would otherwise fail deep inside the import. It takes the place of the REST layer's
 * own reader of text, for every text body.
 */
@Provider
@Consumes(MediaType.TEXT_PLAIN)
public class TextBodies implements ServerMessageBodyReader<String> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo lazyMethod,
            MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public String readFrom(Class<String> type, Type genericType, MediaType mediaType, ServerRequestContext context)
            throws IOException {
        return screened(context.getInputStream());
    }

    @Override
    public String readFrom(Class<String> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return screened(entityStream);
    }

    private static String screened(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw refusal(text, nul);
        }
        return text;
    }

    private static ProblemException refusal(String text, int nul) {
        int start = text.lastIndexOf('\n', nul) + 1;
        int end = text.indexOf('\n', nul);
        String input = text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
        int line = 1 + (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
        String message = InputScreening.nulMessage("the line");
        return new ProblemException(ErrorCategory.INVALID, "invalid-request", "Invalid request",
                "Line " + line + ": " + message, List.of(Violation.ofLine(line, input, "nul-character", message, null)), 1);
    }
}
