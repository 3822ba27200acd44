package org.interdict.ruleset.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.interdict.compile.RuleType;
import org.interdict.version.VersionState;

/**
 * A rule-set version's metadata. {@code digest} is the SHA-256 of the rules (what appliances load and verify);
 * {@code provenanceDigest} that of the directives behind each rule, so a version whose rules stay the same while
 * the orders behind them change has the same digest and another provenance digest (absent on versions made before
 * it was recorded). {@code changes} lists what caused it (directive ids and what happened to them);
 * {@code conflicts} lists targets the allowlist refused or carved; {@code contentRetained} tells whether its
 * rules can still be read and diffed. {@code unexplained} counts the rules added plus removed that follow from no
 * approval, what the circuit breaker judges (absent when the change was too small to trip it whatever its cause, and on
 * versions made before it was recorded); {@code heldSince}, on a
 * version the breaker held, is when the ISP's versions started to be held (a held version superseded by another
 * passes it on).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(
        String isp,
        long version,
        String digest,
        String provenanceDigest,
        VersionState state,
        Long follows,
        Instant createdAt,
        Instant publishedAt,
        Map<RuleType, Integer> counts,
        int total,
        int added,
        int removed,
        JsonNode changes,
        JsonNode conflicts,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        boolean contentRetained,
        Integer unexplained,
        Instant heldSince) {}
