package org.interdict.lookup.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.interdict.authority.AuthorityRef;
import org.interdict.compile.RuleType;

/**
 * Whether a name, URL or address is blocked for an ISP in the version current at {@code at}: the rules that match,
 * the directives behind them, and the allowlist entries that protect it (the allowlist as it is now).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LookupAnswer(String query, String normalised, String isp, Instant at, long version,
        Instant versionPublishedAt, boolean blocked, List<MatchedRule> rules, List<DirectiveRef> directives,
        List<Protection> allowlisted) {

    /**
     * A matching rule and the first retained version holding it without a break up to this one;
     * {@code sinceBeforeRetained} when even the oldest retained version holds it, so it may be older still.
     */
    public record MatchedRule(RuleType type, String rule, List<Long> directiveIds, long sinceVersion,
            Instant sincePublishedAt, boolean sinceBeforeRetained) {}

    /** {@code authorityLegacy}: the free-text authority of a directive recorded before the registry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectiveRef(long id, String legalReference, String title, AuthorityRef authority,
            String authorityLegacy, LocalDate issuedOn, String category, String status) {}

    public record Protection(String type, String value, String reason) {}
}
