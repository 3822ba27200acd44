package org.interdict.audit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interdict.hash.Sha256;

/**
 * The one definition of an audit entry's hash, used when appending and when verifying.
 *
 * <p>{@code hash = hex(SHA-256(UTF-8(C)))} where {@code C} is the canonical JSON array
 * {@code [previous_hash, id, at, actor, role, action, subject_type, subject_id, summary]}: {@code at} as ISO-8601 UTC
 * with microseconds at most ({@link Instant#toString()}), absent values as {@code null}, no white space, object keys
 * sorted by code point, numbers in plain decimal without trailing zeros. JSON escaping makes the fields unambiguous,
 * and the canonical summary is what PostgreSQL's jsonb keeps, whatever order or spacing it stores. The first entry's
 * previous hash is {@link #GENESIS}.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    private AuditHash() {}

    public static String of(String previousHash, long id, Instant at, String actor, String role, String action,
            String subjectType, String subjectId, JsonNode summary) {
        StringBuilder c = new StringBuilder(256).append('[');
        string(c, previousHash).append(',').append(id).append(',');
        string(c, at.toString()).append(',');
        string(c, actor).append(',');
        string(c, role).append(',');
        string(c, action).append(',');
        string(c, subjectType).append(',');
        string(c, subjectId).append(',');
        canonical(c, summary);
        return Sha256.hex(c.append(']').toString());
    }

    /** The summary as it is stored and hashed. */
    public static String canonical(JsonNode node) {
        return canonical(new StringBuilder(), node).toString();
    }

    private static StringBuilder canonical(StringBuilder c, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return c.append("null");
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            c.append('{');
            for (int i = 0; i < names.size(); i++) {
                string(c.append(i == 0 ? "" : ","), names.get(i)).append(':');
                canonical(c, node.get(names.get(i)));
            }
            return c.append('}');
        }
        if (node.isArray()) {
            c.append('[');
            for (int i = 0; i < node.size(); i++) {
                canonical(c.append(i == 0 ? "" : ","), node.get(i));
            }
            return c.append(']');
        }
        if (node.isNumber()) {
            return c.append(node.decimalValue().stripTrailingZeros().toPlainString());
        }
        if (node.isBoolean()) {
            return c.append(node.booleanValue());
        }
        return string(c, node.asText());
    }

    private static StringBuilder string(StringBuilder c, String value) {
        if (value == null) {
            return c.append("null");
        }
        return c.append('"').append(STRINGS.quoteAsString(value)).append('"');
    }

}
