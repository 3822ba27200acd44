package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * CSV with the header {@code type,rule,directives}: one row per rule, the directive ids separated by spaces,
 * written by {@link CsvWriter} (RFC 4180; URLs can hold commas and quotes). Every rule is carried; there is no
 * comment line, since CSV has none. No normalised rule starts with a formula character, so the writer's
 * neutralisation never alters a rule.
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
        CsvWriter csv = new CsvWriter(out);
        csv.row("type", "rule", "directives");
        StringBuilder directives = new StringBuilder();
        for (RuleType type : RuleType.values()) {
            List<String> values = rules.rules(type);
            for (int i = 0; i < values.size(); i++) {
                directives.setLength(0);
                for (long id : rules.sources(type, i)) {
                    directives.append(directives.length() == 0 ? "" : " ").append(id);
                }
                csv.row(type.name(), values.get(i), directives);
                report.written(type);
            }
        }
    }
}
