package org.interdict.transparency;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.interdict.authority.AuthorityRef;
import org.interdict.export.CsvWriter;
import org.interdict.transparency.dto.TransparencyReport;

/** The counts of a report as CSV, one row per month, authority, category and kind. */
public final class TransparencyCsv {

    private TransparencyCsv() {}

    public static String of(List<TransparencyReport.Count> counts) {
        StringWriter text = new StringWriter();
        CsvWriter csv = new CsvWriter(text);
        try {
            csv.row("month", "authority", "authority_name_vi", "authority_name_en", "category", "kind", "directives",
                    "targets");
            for (TransparencyReport.Count c : counts) {
                AuthorityRef a = c.authority();
                csv.cell(c.month()).cell(a == null ? "" : a.id()).cell(a == null ? c.authorityLegacy() : a.nameVi())
                        .cell(a == null ? c.authorityLegacy() : a.nameEn()).cell(c.category()).cell(c.kind())
                        .cell(c.directives()).cell(c.targets()).endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** The appeal counts of a report as CSV, one row per month and authority. */
    public static String ofAppeals(List<TransparencyReport.Appeals> appeals) {
        StringWriter text = new StringWriter();
        CsvWriter csv = new CsvWriter(text);
        try {
            csv.row("month", "authority", "authority_name_vi", "authority_name_en", "received", "decided", "upheld",
                    "partially_lifted", "lifted", "inadmissible", "withdrawn", "median_seconds_to_decision");
            for (TransparencyReport.Appeals a : appeals) {
                csv.cell(a.month()).cell(a.authority().id()).cell(a.authority().nameVi()).cell(a.authority().nameEn())
                        .cell(a.received()).cell(a.decided()).cell(a.upheld()).cell(a.partiallyLifted())
                        .cell(a.lifted()).cell(a.inadmissible()).cell(a.withdrawn())
                        .cell(a.medianSecondsToDecision() == null ? "" : String.valueOf(Math.round(
                                a.medianSecondsToDecision()))).endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
