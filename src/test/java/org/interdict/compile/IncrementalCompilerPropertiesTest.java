package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Recompiling only the changed keys on top of an earlier result must give exactly what compiling the new inputs
 * from scratch gives: rules, provenance, conflicts, digest and delta. Small universes, so that targets of different
 * directives nest, merge and meet the allowlist often.
 */
class IncrementalCompilerPropertiesTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final IncrementalCompiler incremental = new IncrementalCompiler();

    @Property(tries = 400)
    void recompilingTheChangedKeysEqualsCompilingEverything(@ForAll("targets") List<TargetRule> before,
            @ForAll("targets") List<TargetRule> newcomers, @ForAll("directives") Set<Long> leaving,
            @ForAll("allowlists") List<AllowEntry> allowlist) {
        List<TargetRule> added = newcomers.stream().map(t -> new TargetRule(t.directiveId() + 10, t.type(), t.value())).toList();
        List<TargetRule> after = new ArrayList<>(added);
        List<TargetRule> gone = new ArrayList<>();
        for (TargetRule target : before) {
            (leaving.contains(target.directiveId()) ? gone : after).add(target);
        }
        Set<String> keys = IncrementalCompiler.keysOf(added);
        keys.addAll(IncrementalCompiler.keysOf(gone));
        List<TargetRule> inputsWithKeys = after.stream()
                .filter(t -> keys.contains(SubsumptionKeys.of(t.type(), t.value()))).toList();
        CompileResult previous = compiler.compile(before, allowlist);

        IncrementalCompiler.Recompiled recompiled = incremental.recompile(previous, keys, inputsWithKeys, allowlist);

        CompileResult expected = compiler.compile(after, allowlist);
        RuleSet got = recompiled.result().ruleSet();
        assertThat(got.digest()).isEqualTo(expected.ruleSet().digest());
        for (RuleType type : RuleType.values()) {
            assertThat(got.rules(type)).isEqualTo(expected.ruleSet().rules(type));
            for (int i = 0; i < got.count(type); i++) {
                assertThat(got.sources(type, i)).as("%s %s", type, got.rules(type).get(i))
                        .isEqualTo(expected.ruleSet().sources(type, i));
            }
        }
        assertThat(recompiled.result().conflicts()).isEqualTo(expected.conflicts());
        assertThat(recompiled.delta()).isEqualTo(Delta.between(previous.ruleSet(), expected.ruleSet()));
        assertThat(recompiled.patch().applyTo(previous.ruleSet()).digest()).isEqualTo(expected.ruleSet().digest());
        assertThat(got.provenanceDigest()).isEqualTo(expected.ruleSet().provenanceDigest());
    }

    @Property(tries = 200)
    void aPatchTurnsItsBaseIntoTheTarget(@ForAll("targets") List<TargetRule> before,
            @ForAll("targets") List<TargetRule> after) {
        RuleSet from = compiler.compile(before, List.of()).ruleSet();
        CompileResult to = compiler.compile(after, List.of());
        Set<String> everyKey = IncrementalCompiler.keysOf(before);
        everyKey.addAll(IncrementalCompiler.keysOf(after));

        RulePatch patch = incremental.recompile(new CompileResult(from, List.of()), everyKey, after, List.of()).patch();

        RuleSet patched = patch.applyTo(from);
        assertThat(patched.digest()).isEqualTo(to.ruleSet().digest());
        assertThat(patched.provenanceDigest()).isEqualTo(to.ruleSet().provenanceDigest());
        for (RuleType type : RuleType.values()) {
            for (int i = 0; i < patched.count(type); i++) {
                assertThat(patched.sources(type, i)).isEqualTo(to.ruleSet().sources(type, i));
            }
        }
    }

    @Provide
    Arbitrary<Set<Long>> directives() {
        return Arbitraries.longs().between(1, 6).set().ofMaxSize(3).map(HashSet::new);
    }

    @Provide
    Arbitrary<List<TargetRule>> targets() {
        return RuleSetCompilerPropertiesTest.targets(names(), 25);
    }

    @Provide
    Arbitrary<List<AllowEntry>> allowlists() {
        Arbitrary<AllowEntry> domain = names().map(n -> new AllowEntry(AllowType.DOMAIN, n, "r", "s"));
        Arbitrary<AllowEntry> tree = names().map(n -> new AllowEntry(AllowType.DOMAIN_TREE, n, "r", "s"));
        Arbitrary<AllowEntry> cidr = RuleSetCompilerPropertiesTest.blocks()
                .map(b -> new AllowEntry(AllowType.CIDR, b, "r", "s"));
        return Arbitraries.oneOf(domain, tree, cidr).list().ofMaxSize(3);
    }

    /** Names of two to four labels under two TLDs: several keys, with nesting inside each. */
    private static Arbitrary<String> names() {
        return Combinators.combine(Arbitraries.of("a", "b", "cd").list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("vn", "com")).as((labels, tld) -> String.join(".", labels) + "." + tld);
    }
}
