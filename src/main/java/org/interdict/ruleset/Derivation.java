package org.interdict.ruleset;

import org.interdict.compile.Delta;
import org.interdict.compile.RulePatch;
import org.interdict.compile.RuleSet;

/** How a compiled rule set came from an earlier one: the patch (provenance included) and the rules that changed. */
public record Derivation(RuleSet base, RulePatch patch, Delta delta) {}
