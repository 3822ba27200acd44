package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.interdict.compile.AllowEntry;
import org.interdict.compile.AllowType;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleSetCompiler;
import org.interdict.compile.TargetRule;
import org.interdict.target.TargetType;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final CircuitBreaker defaults = new CircuitBreaker(0.10, 100_000, 1000);

    private static List<TargetRule> domains(long directive, String prefix, int count) {
        List<TargetRule> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            targets.add(new TargetRule(directive, TargetType.DOMAIN, prefix + "-" + i + ".example.vn"));
        }
        return targets;
    }

    private static List<TargetRule> plus(List<TargetRule> a, List<TargetRule> b) {
        List<TargetRule> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private RuleSet compile(List<TargetRule> targets, AllowEntry... allowlist) {
        return compiler.compile(targets, List.of(allowlist)).ruleSet();
    }

    private static int unexplained(RuleSet from, RuleSet to, Long... approved) {
        return CircuitBreaker.unexplained(from, to, Delta.between(from, to), Set.of(approved));
    }

    @Test
    void rulesOfApprovedDirectivesAreExplainedWhateverTheirNumber() {
        RuleSet current = compile(domains(1, "base", 1000));
        RuleSet next = compile(plus(domains(1, "base", 1000), plus(domains(2, "new", 400), domains(3, "more", 400))));

        assertThat(unexplained(current, next, 2L, 3L)).isZero();
        assertThat(defaults.trips(current.size(), unexplained(current, next, 2L, 3L))).isFalse();
        // Without the approvals the same 800 rules are 80 % of the set.
        assertThat(unexplained(current, next)).isEqualTo(800);
        assertThat(defaults.trips(current.size(), unexplained(current, next))).isTrue();
        // One approval explains its own rules, not the other's.
        assertThat(unexplained(current, next, 2L)).isEqualTo(400);
    }

    @Test
    void rulesFoldedIntoWhatAnApprovalBringsAreExplained() {
        List<TargetRule> before = plus(domains(1, "base", 1000), List.of(
                new TargetRule(4, TargetType.DOMAIN, "a.folded.vn"), new TargetRule(5, TargetType.DOMAIN, "b.folded.vn"),
                new TargetRule(6, TargetType.IP, "45.118.150.0/25")));
        List<TargetRule> after = plus(before, List.of(new TargetRule(7, TargetType.DOMAIN_TREE, "folded.vn"),
                new TargetRule(7, TargetType.IP, "45.118.150.128/25")));
        RuleSet current = compile(before);
        RuleSet next = compile(after);

        Delta delta = Delta.between(current, next);
        assertThat(delta.size()).isEqualTo(5);
        assertThat(unexplained(current, next, 7L)).isZero();
    }

    @Test
    void removalsAreUnexplainedWhetherRevokedOrExpired() {
        List<TargetRule> kept = domains(1, "base", 1000);
        RuleSet current = compile(plus(kept, domains(2, "gone", 150)));
        RuleSet next = compile(plus(kept, domains(3, "approved", 5)));

        assertThat(unexplained(current, next, 3L)).isEqualTo(150);
        assertThat(defaults.trips(current.size(), unexplained(current, next, 3L))).isTrue();
        // A removal is explained only when an approval carries on what the rule blocked.
        RuleSet small = compile(plus(kept, domains(3, "approved", 5)));
        assertThat(unexplained(compile(plus(kept, domains(2, "gone", 50))), small, 3L)).isEqualTo(50);
    }

    @Test
    void allowlistEditsAreUnexplained() {
        List<TargetRule> targets = new ArrayList<>(domains(1, "base", 1000));
        targets.add(new TargetRule(2, TargetType.IP, "45.118.160.0/24"));
        RuleSet current = compile(targets);
        RuleSet carved = compile(targets, new AllowEntry(AllowType.CIDR, "45.118.160.7", "resolver", "operator"));

        // The block is carved into eight: one removed, eight added, none of which an approval explains, even though
        // the directive behind them was approved earlier.
        assertThat(unexplained(current, carved, 7L)).isEqualTo(9);
        assertThat(unexplained(carved, current)).isEqualTo(9);
    }

    @Test
    void limitsApplyToTheUnexplainedChanges() {
        assertThat(defaults.trips(0, 1_000_000)).as("an ISP's first version").isFalse();
        assertThat(defaults.trips(999, 500)).as("below min-rules only the absolute limit applies").isFalse();
        assertThat(defaults.trips(1000, 100)).isFalse();
        assertThat(defaults.trips(1000, 101)).isTrue();
        assertThat(defaults.trips(10_000_000, 100_000)).isFalse();
        assertThat(defaults.trips(10_000_000, 100_001)).isTrue();
    }
}
