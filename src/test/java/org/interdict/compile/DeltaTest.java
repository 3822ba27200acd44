package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.interdict.target.TargetType;
import org.junit.jupiter.api.Test;

class DeltaTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private RuleSet compile(String... domains) {
        return compiler.compile(
                java.util.Arrays.stream(domains).map(d -> new TargetRule(1, TargetType.DOMAIN, d)).toList(),
                List.of()).ruleSet();
    }

    @Test
    void listsAddedAndRemovedRulesSorted() {
        RuleSet from = compile("a.vn", "c.vn", "e.vn");
        RuleSet to = compile("b.vn", "c.vn", "d.vn");

        Delta delta = Delta.between(from, to);

        assertThat(delta.added().get(RuleType.DOMAIN)).containsExactly("b.vn", "d.vn");
        assertThat(delta.removed().get(RuleType.DOMAIN)).containsExactly("a.vn", "e.vn");
        assertThat(delta.size()).isEqualTo(4);
        assertThat(delta.isEmpty()).isFalse();
        assertThat(RuleSet.digestOf(delta.applyTo(from))).isEqualTo(to.digest());
        assertThat(delta.applyTo(from).get(RuleType.DOMAIN)).containsExactly("b.vn", "c.vn", "d.vn");
    }

    @Test
    void sameRulesGiveAnEmptyDelta() {
        assertThat(Delta.between(compile("a.vn"), compile("a.vn")).isEmpty()).isTrue();
    }

    @Test
    void refusesADeltaThatDoesNotFit() {
        Delta delta = new Delta(Map.of(), Map.of(RuleType.DOMAIN, List.of("zz.vn")));

        assertThatThrownBy(() -> delta.applyTo(compile("a.vn"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnsortedRules() {
        assertThatThrownBy(() -> new Delta(Map.of(RuleType.DOMAIN, List.of("b.vn", "a.vn")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
