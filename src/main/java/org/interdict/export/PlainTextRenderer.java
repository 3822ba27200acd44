package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * One rule per line, as compiled. With {@link RenderContext#onlyType()} it is the bare list of that type,
 * without comments, for tools that read one entry per line; otherwise a header and every type under a
 * {@code # TYPE} line. Every rule is carried.
 */
final class PlainTextRenderer extends AbstractRenderer {

    PlainTextRenderer() {
        super("txt", "text/plain; charset=utf-8", "txt");
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        if (context.onlyType() != null) {
            lines(rules, context.onlyType(), out, report);
            return;
        }
        header(out, "#", "rule set", context);
        for (RuleType type : RuleType.values()) {
            out.write("# " + type + "\n");
            lines(rules, type, out, report);
        }
    }

    private static void lines(RuleSet rules, RuleType type, Writer out, ReportBuilder report) throws IOException {
        List<String> values = rules.rules(type);
        for (String value : values) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                report.reject(type, value, "line break inside the rule");
                continue;
            }
            out.write(value);
            out.write('\n');
            report.written(type);
        }
    }
}
