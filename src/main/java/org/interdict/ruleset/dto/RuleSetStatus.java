package org.interdict.ruleset.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An ISP's current version and, when the circuit breaker holds one, the version waiting for a supervisor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetStatus(String isp, VersionView current, VersionView held) {}
