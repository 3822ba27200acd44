package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.interdict.compile.SubsumptionKeys;
import org.interdict.config.InterdictConfig;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.interdict.target.TargetType;
import org.junit.jupiter.api.Test;

/** Versions made on top of earlier ones: compiled from the changed keys, stored as patches, read back whole. */
@QuarkusTest
class IncrementalVersionsApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InterdictConfig config;

    @Test
    void theDatabaseKeysTargetsAsTheCompilerDoes() {
        String[][] targets = {
            {"DOMAIN", "example.vn"}, {"DOMAIN", "a.b.example.vn"}, {"DOMAIN_TREE", "xn--c-bc-7q5a1p.com.vn"},
            {"URL", "https://a.b.example.vn:8443/x?y=1"}, {"URL", "http://video.example.com/"},
            {"URL", "http://[2001:db8::1]/x"}, {"URL", "http://45.118.150.7/x"}, {"URL", "https://a.b.example.vn?q"},
            {"IP", "45.118.150.0/24"}, {"IP", "45.118.150.7"}, {"IP", "2001:db8::/48"},
        };
        for (String[] target : targets) {
            assertThat(Db.queryString("select subsumption_key(?, ?)", target[0], target[1])).as(target[1])
                    .isEqualTo(SubsumptionKeys.of(TargetType.valueOf(target[0]), target[1]));
        }
    }

    @Test
    void successiveVersionsAreStoredAsPatchesAndReadBackWhole() {
        String isp = Api.newIsp();
        List<Long> directives = new ArrayList<>();
        directives.add(Api.approvedFor(List.of(isp), Api.unique("base"), "*.patch-base.example.vn",
                "patch-base.example.com", "45.118.151.0/25", "http://patch-base.example.net/a"));
        long version = Rulesets.await(isp, s -> s.getList("current.changes.directiveId")
                .contains(directives.get(0).intValue())).getLong("current.version");
        // More versions than the test profile retains: pruning must keep the bases of what it keeps.
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long before = version;
            directives.add(Api.approvedFor(List.of(isp), Api.unique("step-" + i), "step-" + i + ".patch-base.example.vn",
                    "step-" + i + ".patch-step.example.org", "45.118.151." + (128 + i)));
            var status = Rulesets.await(isp, s -> s.getLong("current.version") > before);
            version = status.getLong("current.version");
            digests.add(status.getString("current.digest"));
        }
        Rulesets.settle();
        // Chains longer than a few links are stored whole again in the background, so not every one is a patch.
        String patched = null;
        String patchedKey = null;
        for (String digest : digests) {
            String key = Db.queryString("select content_key from ruleset_content where rules_digest = ? and base_key is not null",
                    digest);
            if (key != null) {
                patched = digest;
                patchedKey = key;
            }
        }
        assertThat(patched).as("a version stored as a patch").isNotNull();

        RuleSet fromDatabase = new RuleSetContents(dataSource, config, new SimpleMeterRegistry()).get(patchedKey);

        // The digest covers every rule, so a wrong patch could not give it.
        assertThat(fromDatabase.digest()).isEqualTo(patched);
        // The tree covers each step's name under it: every step joined its provenance.
        int tree = fromDatabase.rules(RuleType.DOMAIN_TREE).indexOf("patch-base.example.vn");
        int steps = digests.indexOf(patched) + 1;
        assertThat(fromDatabase.sources(RuleType.DOMAIN_TREE, tree))
                .containsExactly(directives.subList(0, steps + 1).stream().mapToLong(Long::longValue).toArray());
        assertThat(fromDatabase.rules(RuleType.DOMAIN)).noneMatch(name -> name.endsWith(".patch-base.example.vn"));
        assertThat(fromDatabase.rules(RuleType.DOMAIN)).contains("step-" + (steps - 1) + ".patch-step.example.org");
    }
}
