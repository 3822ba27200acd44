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

    /**
     * Large types are merged in two halves split at the older set's middle rule: changes on both sides of it, at it
     * and at the ends must all be found, with strings shared or not.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void largeRuleSetsGiveTheSameDeltaAsSetDifferences(boolean middleStays) {
        int count = 100_000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        java.util.TreeSet<String> older = new java.util.TreeSet<>();
        java.util.TreeSet<String> newer = new java.util.TreeSet<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("n%07d.vn", i * 2);
            // The ends and one in fifty elsewhere leave, the middle rule too unless it stays; one in forty newcomers
            // arrive between them.
            boolean leaves = i == 0 || i == count - 1 || (i == count / 2 ? !middleStays : random.nextInt(50) == 0);
            if (!leaves) {
                newer.add(i % 3 == 0 ? new String(name) : name);
            }
            older.add(name);
            if (random.nextInt(40) == 0) {
                newer.add(String.format("n%07d.vn", i * 2 + 1));
            }
        }
        RuleSet from = RuleSet.of(Map.of(RuleType.DOMAIN, older.toArray(String[]::new)),
                Map.of(RuleType.DOMAIN, ids(older.size())));
        RuleSet to = RuleSet.of(Map.of(RuleType.DOMAIN, newer.toArray(String[]::new)),
                Map.of(RuleType.DOMAIN, ids(newer.size())));

        Delta delta = Delta.between(from, to);

        java.util.TreeSet<String> added = new java.util.TreeSet<>(newer);
        added.removeAll(older);
        java.util.TreeSet<String> removed = new java.util.TreeSet<>(older);
        removed.removeAll(newer);
        assertThat(delta.added().get(RuleType.DOMAIN)).containsExactlyElementsOf(added);
        assertThat(delta.removed().get(RuleType.DOMAIN)).containsExactlyElementsOf(removed);
        assertThat(RuleSet.digestOf(delta.applyTo(from))).isEqualTo(to.digest());
    }

    private static long[][] ids(int count) {
        long[][] ids = new long[count][];
        java.util.Arrays.fill(ids, new long[] {1});
        return ids;
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
