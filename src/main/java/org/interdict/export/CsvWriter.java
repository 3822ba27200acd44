package org.interdict.export;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV (RFC 4180): lines end in CRLF, a cell is quoted when it holds a comma, a quote or a line break, and
 * quotes are doubled. Every CSV the service produces is written with it.
 *
 * <p>A text cell that a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return; OWASP "CSV Injection") is written quoted behind a single quote, which
 * spreadsheets show as text and other readers keep as one more character. Numbers are written as numbers.
 */
public final class CsvWriter {

    private final Writer out;
    private boolean rowStarted;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one text cell of the current row. */
    public CsvWriter cell(CharSequence value) throws IOException {
        separate();
        boolean formula = value.length() > 0 && startsFormula(value.charAt(0));
        if (!formula && !needsQuotes(value)) {
            out.append(value);
            return this;
        }
        out.write('"');
        if (formula) {
            out.write('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
        return this;
    }

    /** Writes one number cell of the current row. */
    public CsvWriter cell(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    /** Ends the current row. */
    public void endRow() throws IOException {
        out.write("\r\n");
        rowStarted = false;
    }

    /** Writes a whole row of text cells. */
    public void row(CharSequence... values) throws IOException {
        for (CharSequence value : values) {
            cell(value);
        }
        endRow();
    }

    static boolean startsFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private void separate() throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
    }
}
