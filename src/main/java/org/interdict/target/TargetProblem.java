package org.interdict.target;

import java.util.Objects;

/**
 * Why a target was refused: a stable machine-readable {@code code}, a short human {@code message} and an
 * optional {@code hint} (for instance the corrected CIDR block), which is {@code null} when there is none.
 */
public record TargetProblem(String code, String message, String hint) {

    public static final String EMPTY = "empty";
    public static final String INVALID_DOMAIN = "invalid-domain";
    public static final String LABEL_TOO_LONG = "label-too-long";
    /** Longer than {@link TargetType#maxLength()} allows for its type. */
    public static final String TOO_LONG = "too-long";
    public static final String INVALID_CHARACTER = "invalid-character";
    public static final String IP_LITERAL_DOMAIN = "ip-literal-domain";
    public static final String SINGLE_LABEL = "single-label";
    public static final String IDNA_ERROR = "idna-error";
    public static final String INVALID_URL = "invalid-url";
    public static final String URL_SCHEME = "url-scheme";
    public static final String URL_USERINFO = "url-userinfo";
    public static final String INVALID_IP = "invalid-ip";
    public static final String INVALID_CIDR = "invalid-cidr";
    public static final String CIDR_HOST_BITS = "cidr-host-bits";

    public TargetProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a code and a message");
        }
    }
}
