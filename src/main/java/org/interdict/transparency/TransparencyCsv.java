package org.interdict.transparency;

import java.util.List;
import org.interdict.transparency.dto.TransparencyReport;

/** The counts of a report as CSV (RFC 4180), one row per month, authority, category and kind. */
final class TransparencyCsv {

    private TransparencyCsv() {}

    static String of(TransparencyReport report) {
        StringBuilder csv = new StringBuilder("month,authority,category,kind,directives,targets\r\n");
        for (TransparencyReport.Count c : report.counts()) {
            row(csv, List.of(c.month(), c.authority(), c.category(), c.kind(), Long.toString(c.directives()),
                    Long.toString(c.targets())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0;
            csv.append(i == 0 ? "" : ",").append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        csv.append("\r\n");
    }
}
