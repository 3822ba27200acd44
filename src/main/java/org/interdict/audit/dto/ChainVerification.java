package org.interdict.audit.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing the audit chain: {@code ok} with the number of entries checked, or the first broken
 * link: the entry, the hash expected there and the one stored (for a broken link, the previous entry's hash and the
 * previous hash the entry names).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean ok, long checked, BrokenLink brokenAt) {

    public record BrokenLink(long entryId, String problem, String expected, String stored) {}

    public static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null);
    }
}
