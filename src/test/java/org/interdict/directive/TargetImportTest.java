package org.interdict.directive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetImportTest {

    @Test
    void aJustificationIsWrittenAsTheTextImportReadsIt() {
        assertThat(TargetImport.justified("  104.16.0.1 ", "named in\nthe  court order"))
                .isEqualTo("104.16.0.1  # justification: named in the court order");
    }

    @Test
    void aJustificationReplacesTheLinesCommentButNotAHashInsideTheTarget() {
        assertThat(TargetImport.justified("104.16.0.1  # from the police report", "named in the order"))
                .isEqualTo("104.16.0.1  # justification: named in the order");
        assertThat(TargetImport.justified("http://cdn.example.vn/#x # old", "why"))
                .isEqualTo("http://cdn.example.vn/#x  # justification: why");
    }
}
