package org.interdict.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document; {@code code} is the stable machine-readable name of {@code type}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        List<Violation> violations,
        Integer totalViolations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://interdict.dev/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, null, null);
    }

    public Problem withViolations(List<Violation> list, int total) {
        return new Problem(type, title, status, detail, code, list, total);
    }
}
