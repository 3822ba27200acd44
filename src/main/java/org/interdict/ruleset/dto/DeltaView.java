package org.interdict.ruleset.dto;

import java.util.List;
import java.util.Map;
import org.interdict.compile.RuleType;

/** The rules to add and remove, per type, to turn version {@code from} into version {@code to}. */
public record DeltaView(String isp, long from, long to, String fromDigest, String toDigest,
        Map<RuleType, List<String>> added, Map<RuleType, List<String>> removed) {}
