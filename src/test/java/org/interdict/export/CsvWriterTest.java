package org.interdict.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    private static String row(CharSequence... cells) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(cells);
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x.example\",\"y\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd"})
    void aCellASpreadsheetWouldRunIsWrittenAsQuotedText(String formula) throws IOException {
        String written = row("a", formula);
        assertThat(written).startsWith("a,\"'").endsWith("\"\r\n");
        String cell = written.substring("a,\"'".length(), written.length() - "\"\r\n".length());
        assertThat(cell.replace("\"\"", "\"")).isEqualTo(formula);
    }

    @Test
    void cellsAreQuotedOnlyWhenRfc4180AsksAndQuotesAreDoubled() throws IOException {
        assertThat(row("plain", "Sở TT&TT Hà Nội", "a,b", "say \"hi\"", "two\nlines"))
                .isEqualTo("plain,Sở TT&TT Hà Nội,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
        assertThat(row("", "x=1", "a-b")).isEqualTo(",x=1,a-b\r\n");
    }

    @Test
    void numbersAreWrittenAsNumbers() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.cell("2026-04").cell(-3).cell(12).endRow();
        csv.cell("next").endRow();
        assertThat(out).hasToString("2026-04,-3,12\r\nnext\r\n");
    }
}
