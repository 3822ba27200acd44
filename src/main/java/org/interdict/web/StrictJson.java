package org.interdict.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.interdict.error.Problem;
import org.interdict.error.ProblemMappers;
import org.interdict.error.Violation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Reads JSON strictly: a document followed by anything but white space (<code>{"a":1} xyz</code>) is refused, and so
 * is a string or a property name holding a NUL character (U+0000), which PostgreSQL cannot store; the refusal names
 * the property path. Every JSON the service reads goes through this mapper.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SimpleModule module = new SimpleModule("interdict-strict-json");
        module.addDeserializer(String.class, new Strings());
        module.addKeyDeserializer(String.class, new Keys());
        mapper.registerModule(module);
    }

    @ServerExceptionMapper
    public Response nulCharacter(NulCharacterException e) {
        String field = ProblemMappers.pointer(e);
        String message = InputScreening.nulMessage("the value");
        return ProblemMappers.respond(Problem.of(400, "invalid-request", "Invalid request", field + ": " + message)
                .withViolations(List.of(Violation.ofField(field, "nul-character", message)), 1));
    }

    /**
     * A JSON string with a NUL character; Jackson adds the property path as the exception travels up. A mismatched
     * input, so that the REST layer hands it to the mappers as it is rather than as a bare 400.
     */
    static final class NulCharacterException extends MismatchedInputException {
        NulCharacterException(JsonParser parser) {
            super(parser, "a string contains a NUL character (U+0000)", String.class);
        }
    }

    private static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (InputScreening.containsNul(value)) {
                throw new NulCharacterException(parser);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (InputScreening.containsNul(key)) {
                throw new NulCharacterException(context.getParser());
            }
            return key;
        }
    }
}
