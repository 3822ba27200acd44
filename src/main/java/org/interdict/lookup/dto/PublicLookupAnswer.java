package org.interdict.lookup.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.interdict.authority.AuthorityRef;

/**
 * The public answer to "is it blocked, and why?": the published orders whose rules match now, for one ISP or for
 * any. {@code listed} is whether there is at least one. Orders of unpublished categories are never among them,
 * and {@code notice} says so in every answer alike, so an answer tells nothing about them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicLookupAnswer(String query, String normalised, String isp, boolean listed,
        List<PublishedOrder> orders, PlainWords notice) {

    /**
     * One order: its reference, who issued it and when, its category with what that means in plain words, the
     * legal basis as the order states it, and when it took effect. {@code authorityName} is the free-text issuer of
     * an order recorded before the authority registry.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedOrder(String reference, AuthorityRef authority, String authorityName, LocalDate issuedOn,
            String category, PlainWords plainWords, String legalBasis, Instant inForceSince) {}

    /** The same words in Vietnamese and English. */
    public record PlainWords(String vi, String en) {}
}
