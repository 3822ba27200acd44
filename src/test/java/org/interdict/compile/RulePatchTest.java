package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Patches over rule sets large enough to span several chunks of canonical text: the digest a patched set computes
 * from its base's encoded chunks must equal the digest of the same rules hashed from scratch, along a chain.
 */
class RulePatchTest {

    @Test
    void chainedPatchesKeepTheDigestOfTheRulesTheyMake() {
        Random random = new Random(20261125);
        TreeSet<String> names = new TreeSet<>();
        while (names.size() < 200_000) {
            names.add("n" + random.nextInt(5_000_000) + ".example.vn");
        }
        RuleSet current = ruleSet(names);
        current.digest();
        List<String> sorted = new ArrayList<>(names);
        for (int round = 0; round < 6; round++) {
            TreeSet<String> removed = new TreeSet<>();
            // Around the chunk boundaries and the ends, and anywhere.
            for (int at : new int[] {0, 65_535, 65_536, 131_072, sorted.size() - 1, random.nextInt(sorted.size())}) {
                removed.add(sorted.get(Math.min(at, sorted.size() - 1)));
            }
            TreeSet<String> added = new TreeSet<>();
            while (added.size() < 5) {
                String name = (round % 2 == 0 ? "a" : "z") + random.nextInt(1_000) + ".example.vn";
                if (!names.contains(name)) {
                    added.add(name);
                }
            }
            added.add(sorted.get(65_536).replace(".example.vn", "0.example.vn"));
            added.removeAll(names);
            RulePatch patch = new RulePatch(Map.of(RuleType.DOMAIN, new RulePatch.Part(removed.toArray(String[]::new),
                    added.toArray(String[]::new), added.stream().map(n -> new long[] {9}).toArray(long[][]::new))));

            current = patch.applyTo(current);
            names.removeAll(removed);
            names.addAll(added);
            sorted = new ArrayList<>(names);

            assertThat(current.rules(RuleType.DOMAIN)).isEqualTo(sorted);
            assertThat(current.digest()).isEqualTo(ruleSet(names).digest());
        }
    }

    @Test
    void removingARuleTheBaseLacksIsRefused() {
        RuleSet base = ruleSet(new TreeSet<>(List.of("a.example.vn")));
        RulePatch patch = new RulePatch(Map.of(RuleType.DOMAIN,
                new RulePatch.Part(new String[] {"b.example.vn"}, new String[0], new long[0][])));

        assertThatThrownBy(() -> patch.applyTo(base)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.example.vn");
    }

    private static RuleSet ruleSet(TreeSet<String> names) {
        String[] values = names.toArray(String[]::new);
        long[][] sources = new long[values.length][];
        Arrays.fill(sources, new long[] {1});
        Map<RuleType, String[]> rules = new EnumMap<>(RuleType.class);
        rules.put(RuleType.DOMAIN, values);
        Map<RuleType, long[][]> ids = new EnumMap<>(RuleType.class);
        ids.put(RuleType.DOMAIN, sources);
        return RuleSet.of(rules, ids);
    }
}
