package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * RFC 4180 CSV with the header {@code type,rule,directives}: one row per rule, the directive ids separated
 * by spaces. Lines end in CRLF and a field is quoted when it holds a comma, a quote or a line break (URLs
 * can). Every rule is carried; there is no comment line, since CSV has none.
 */
final class CsvRenderer extends AbstractRenderer {

    CsvRenderer() {
        super("csv", "text/csv; charset=utf-8; header=present", "csv");
    }

    @Override
    public boolean carriesProvenance() {
        return true;
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        out.write("type,rule,directives\r\n");
        for (RuleType type : RuleType.values()) {
            List<String> values = rules.rules(type);
            for (int i = 0; i < values.size(); i++) {
                out.write(type.name());
                out.write(',');
                field(values.get(i), out);
                out.write(',');
                long[] ids = rules.sources(type, i);
                for (int j = 0; j < ids.length; j++) {
                    if (j > 0) {
                        out.write(' ');
                    }
                    out.write(Long.toString(ids[j]));
                }
                out.write("\r\n");
                report.written(type);
            }
        }
    }

    private static void field(String value, Writer out) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
