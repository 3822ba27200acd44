package org.interdict.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvidenceKindTest {

    @Test
    void pdfPngAndJpegAreToldByTheirFirstBytes() {
        assertThat(EvidenceKind.of("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(EvidenceKind.PDF);
        assertThat(EvidenceKind.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}))
                .contains(EvidenceKind.PNG);
        assertThat(EvidenceKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'}))
                .contains(EvidenceKind.JPEG);
    }

    @Test
    void forgedAndOtherFilesAreNotEvidence() {
        // a page, a program and a zip archive, whatever they are named
        assertThat(EvidenceKind.of("<html><body>%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(EvidenceKind.of(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0})).isEmpty();
        assertThat(EvidenceKind.of(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0})).isEmpty();
        // a signature cut short, and nothing at all
        assertThat(EvidenceKind.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(EvidenceKind.of(new byte[0])).isEmpty();
    }
}
