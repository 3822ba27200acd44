package org.interdict.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.TreeSet;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * JSON with provenance, written by Jackson's streaming generator:
 *
 * <pre>
 * {"isp":"…","version":7,"digest":"…","createdAt":"…",
 * "counts":{"DOMAIN":2,…},
 * "directives":[
 * {"id":17,"legalReference":"1353/BTTTT-CATTT"}, …],
 * "rules":[
 * {"type":"DOMAIN","rule":"example.vn","directives":[17]}, …]
 * }
 * </pre>
 *
 * Each rule names its directives by id; each directive's legal reference appears once, in
 * {@code directives}, rather than once per rule, which would repeat it for most of a million rules. One
 * directive or rule per line keeps the file readable and friendly to line-based tools. Every rule is carried.
 */
final class JsonRenderer implements RuleSetRenderer {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public String format() {
        return "json";
    }

    @Override
    public boolean carriesProvenance() {
        return true;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String fileName(String isp, long version) {
        return AbstractRenderer.fileName(isp, version, "json");
    }

    @Override
    public RenderReport render(RuleSet rules, RenderContext context, OutputStream out) throws IOException {
        ReportBuilder report = new ReportBuilder(format());
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new LinePerEntry());
            json.writeStartObject();
            json.writeStringField("isp", context.isp());
            json.writeNumberField("version", context.version());
            json.writeStringField("digest", context.digest());
            json.writeStringField("createdAt", context.createdAt().toString());
            json.writeObjectFieldStart("counts");
            for (RuleType type : RuleType.values()) {
                json.writeNumberField(type.name(), rules.count(type));
            }
            json.writeEndObject();

            json.writeArrayFieldStart("directives");
            for (long id : directiveIds(rules)) {
                json.writeStartObject();
                json.writeNumberField("id", id);
                DirectiveProvenance provenance = context.provenance().apply(id);
                if (provenance != null) {
                    json.writeStringField("legalReference", provenance.legalReference());
                    if (provenance.authorityId() != null) {
                        json.writeObjectFieldStart("authority");
                        json.writeStringField("id", provenance.authorityId());
                        json.writeStringField("nameVi", provenance.authorityNameVi());
                        json.writeStringField("nameEn", provenance.authorityNameEn());
                        json.writeEndObject();
                    } else if (provenance.authorityLegacy() != null) {
                        json.writeStringField("authorityLegacy", provenance.authorityLegacy());
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("rules");
            for (RuleType type : RuleType.values()) {
                List<String> values = rules.rules(type);
                for (int i = 0; i < values.size(); i++) {
                    json.writeStartObject();
                    json.writeStringField("type", type.name());
                    json.writeStringField("rule", values.get(i));
                    long[] ids = rules.sources(type, i);
                    json.writeArrayFieldStart("directives");
                    for (long id : ids) {
                        json.writeNumber(id);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    report.written(type);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return report.build();
    }

    /** A first pass over the provenance only; it holds one entry per directive, not per rule. */
    private static TreeSet<Long> directiveIds(RuleSet rules) {
        TreeSet<Long> ids = new TreeSet<>();
        for (RuleType type : RuleType.values()) {
            for (int i = 0, n = rules.count(type); i < n; i++) {
                for (long id : rules.sources(type, i)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * Compact JSON with a line break after each top-level field and each element of a top-level array
     * (depth 1 is the root object, depth 2 an array directly inside it).
     */
    private static final class LinePerEntry extends MinimalPrettyPrinter {

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            if (depth(g) == 1) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(depth(g) == 1 ? ",\n" : ",");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw(depth(g) == 1 && entries > 0 ? "\n}\n" : "}");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (depth(g) == 2) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(depth(g) == 2 ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(depth(g) == 2 && values > 0 ? "\n]" : "]");
        }

        private static int depth(JsonGenerator g) {
            return g.getOutputContext().getNestingDepth();
        }
    }
}
