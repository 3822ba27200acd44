package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.interdict.export.RenderContext;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The records of an incremental transfer turn the older zone into the newer one, trees above names included. */
class ZoneDiffTest {

    private static final String ORIGIN = "isp-a.rpz.interdict.";
    @Test
    void aTreeAddedAboveANameRemovesTheNamesOwnRecord() throws IOException {
        RuleSet before = rules(List.of("a.example.vn", "b.example.vn"), List.of(), List.of("192.0.2.0/24"));
        RuleSet after = rules(List.of("a.example.vn", "b.example.vn", "c.example.vn"), List.of("example.vn"),
                List.of("198.51.100.7/32"));
        ZoneDiff.Changes<String> changes = changes(before, after);
        assertThat(changes.deleted()).contains("a.example.vn CNAME .", "b.example.vn CNAME .",
                "24.0.2.0.192.rpz-ip CNAME .");
        assertThat(changes.added()).contains("example.vn CNAME .", "*.example.vn CNAME .",
                "32.7.100.51.198.rpz-ip CNAME .");
        assertThat(changes.added()).doesNotContain("c.example.vn CNAME .");
        assertAppliesTo(before, after);
        assertAppliesTo(after, before);
    }

    @Test
    void randomChangesTurnOneZoneIntoTheOther() throws IOException {
        Random random = new Random(1995);
        for (int round = 0; round < 40; round++) {
            RuleSet before = randomRules(random);
            RuleSet after = randomRules(random);
            assertAppliesTo(before, after);
        }
    }

    @Test
    void anUnchangedZoneHasNoChanges() throws IOException {
        RuleSet same = rules(List.of("x.example.vn"), List.of("example.org"), List.of());
        ZoneDiff.Changes<String> changes = changes(same, same);
        assertThat(changes.deleted()).isEmpty();
        assertThat(changes.added()).isEmpty();
    }

    private static void assertAppliesTo(RuleSet before, RuleSet after) throws IOException {
        ZoneDiff.Changes<String> changes = changes(before, after);
        Set<String> zone = new LinkedHashSet<>(whole(before));
        assertThat(zone).containsAll(changes.deleted());
        changes.deleted().forEach(zone::remove);
        changes.added().forEach(record -> assertThat(zone).doesNotContain(record));
        zone.addAll(changes.added());
        assertThat(new TreeSet<>(zone)).isEqualTo(new TreeSet<>(whole(after)));
    }

    private static ZoneDiff.Changes<String> changes(RuleSet before, RuleSet after) throws IOException {
        ZoneDiff.Scope scope = ZoneDiff.scope(after, Delta.between(before, after));
        return ZoneDiff.compare(records(scope.before()), records(scope.after()));
    }

    private static List<String> whole(RuleSet rules) throws IOException {
        return records(rules);
    }

    /** The policy records of the RPZ export of the rules, as text relative to the origin. */
    private static List<String> records(RuleSet rules) throws IOException {
        Name origin = Name.fromString(ORIGIN);
        List<String> records = new ArrayList<>();
        RenderContext context = RenderContext.of("isp-a", 1, rules.digest(), Instant.parse("2026-12-01T00:00:00Z"));
        RpzRecords.policy(rules, context, origin, (Record record) -> records.add(record.getName().relativize(origin)
                + " " + Type.string(record.getType()) + " " + record.rdataToString()));
        return records;
    }

    private static RuleSet randomRules(Random random) {
        String[] labels = {"a", "b", "c"};
        String[] parents = {"example.vn", "b.example.vn", "a.b.example.vn", "example.org"};
        List<String> domains = new ArrayList<>();
        List<String> trees = new ArrayList<>();
        for (String parent : parents) {
            if (random.nextInt(3) == 0) {
                trees.add(parent);
            }
            for (String label : labels) {
                if (random.nextBoolean()) {
                    domains.add(label + "." + parent);
                }
            }
        }
        List<String> addresses = random.nextBoolean() ? List.of("192.0.2.0/24") : List.of("192.0.2.8/29");
        return rules(domains, trees, addresses);
    }

    private static RuleSet rules(List<String> domains, List<String> trees, List<String> ipv4) {
        Map<RuleType, String[]> rules = new EnumMap<>(RuleType.class);
        Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
        put(rules, sources, RuleType.DOMAIN, domains);
        put(rules, sources, RuleType.DOMAIN_TREE, trees);
        put(rules, sources, RuleType.IPV4, ipv4);
        return RuleSet.of(rules, sources);
    }

    private static void put(Map<RuleType, String[]> rules, Map<RuleType, long[][]> sources, RuleType type,
            List<String> values) {
        String[] sorted = new TreeSet<>(values).toArray(String[]::new);
        rules.put(type, sorted);
        long[][] ids = new long[sorted.length][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new long[] {1};
        }
        sources.put(type, ids);
    }
}
