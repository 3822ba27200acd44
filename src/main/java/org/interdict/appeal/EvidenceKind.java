package org.interdict.appeal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence file an appeal may carry, told by their content (the signature every such file starts with),
 * never by the name or the media type the sender gave: a page renamed {@code .pdf} is not a PDF.
 */
public enum EvidenceKind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** Bytes enough to tell every kind. */
    public static final int SIGNATURE_LENGTH = 8;

    private final String mediaType;
    private final byte[] signature;

    EvidenceKind(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The kind whose signature {@code head} (the first bytes of a file) starts with, if any. */
    public static Optional<EvidenceKind> of(byte[] head) {
        return Arrays.stream(values()).filter(kind -> startsWith(head, kind.signature)).findFirst();
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length
                && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }
}
