package org.interdict.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.interdict.error.ProblemException;

/** Opaque cursors over descending numeric ids: a client cannot build one, only pass one back. */
public final class Cursors {

    private Cursors() {}

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id after which the next page starts, or {@code null} for the first page. */
    public static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("id:")) {
                return Long.parseLong(text.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ProblemException.invalid("cursor", "invalid-cursor", "the cursor is not one this service issued");
    }

    /** Clamps a requested page size into [1, max], using {@code fallback} when none was asked. */
    public static int limit(Integer requested, int fallback, int max) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > max) {
            throw ProblemException.invalid("limit", "out-of-range", "limit must be between 1 and " + max);
        }
        return requested;
    }
}
