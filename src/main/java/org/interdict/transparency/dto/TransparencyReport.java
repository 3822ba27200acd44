package org.interdict.transparency.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.interdict.authority.AuthorityRef;

/**
 * Approved directives issued in [from, to], counted by month of issue, authority, category and kind, and per
 * authority over the period; revocations by month; the median time ISPs took to enforce; appeals per authority and
 * month. Targets of {@code child-abuse} directives are only ever counted.
 */
public record TransparencyReport(LocalDate from, LocalDate to, List<Count> counts, List<AuthorityTotal> authorities,
        List<Revocations> revocations, List<TimeToEnforce> timeToEnforce, List<DirectiveEntry> directives,
        List<Appeals> appeals) {

    /** The counts summed per issuing authority over the whole period, busiest first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthorityTotal(AuthorityRef authority, String authorityLegacy, long directives, long targets) {}

    /**
     * One month's directives of an authority, category and kind. {@code authorityLegacy}: the free-text authority of
     * directives recorded before the registry that no registered authority matches (then {@code authority} is null).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(String month, AuthorityRef authority, String authorityLegacy, String category, String kind,
            long directives, long targets) {}

    public record Revocations(String month, long directives) {}

    /** Over the directives of the period: from coming into force to the ISP's first appliance confirming it. */
    public record TimeToEnforce(String isp, long directives, double medianSeconds) {}

    /** {@code targets}: the first targets, in order; absent when withheld (child-abuse). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectiveEntry(long id, String legalReference, AuthorityRef authority, String authorityLegacy,
            String category, String kind,
            LocalDate issuedOn, String status, long targetCount, boolean targetsWithheld, List<String> targets) {}

    /**
     * One month's appeals (and ISP error reports) of an authority: reviews received that month, and decided that month
     * by outcome (inadmissible included), withdrawn; the median time from receipt to a confirmed decision of those
     * decided that month (absent when none was).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appeals(String month, AuthorityRef authority, long received, long decided, long upheld,
            long partiallyLifted, long lifted, long inadmissible, long withdrawn, Double medianSecondsToDecision) {}
}
