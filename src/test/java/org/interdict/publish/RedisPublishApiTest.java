package org.interdict.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/** Publication to the real Redis, read back the way docs/redis-protocol.md tells appliances to. */
@QuarkusTest
class RedisPublishApiTest {

    @Inject
    Redis redis;

    @Inject
    RedisDataSource dataSource;

    @ConfigProperty(name = "interdict.publish.key-prefix")
    String prefix;

    @Test
    void everyVersionReachesSubscribersStreamReadersAndTheSets() {
        RedisView view = new RedisView(redis, prefix);
        List<String> notifications = new CopyOnWriteArrayList<>();
        PubSubCommands.RedisSubscriber subscriber = dataSource.pubsub(String.class)
                .subscribeToPattern(prefix + ":isp:*:versions", (channel, version) -> notifications.add(channel + " " + version));
        try {
            String isp = Api.newIsp();
            List<Long> versions = new ArrayList<>();
            versions.add(Rulesets.current(isp));
            long first = Api.approvedFor(List.of(isp), Api.unique("1353/BTTTT-CATTT"), "cờ-bạc-" + isp + ".vn",
                    "*.lừa-đảo-" + isp + ".vn", "45.118.151.0/24", "2a0b:4d07:51::/48", "http://" + isp + ".example.vn/x");
            versions.add(awaitNewer(isp, versions));
            Api.approvedFor(List.of(isp), Api.unique("97/QĐ-BTTTT"), "sòng-bài-" + isp + ".vn");
            versions.add(awaitNewer(isp, versions));
            // Covered by the tree: the same rules behind one more order, a version with an empty delta.
            Api.approvedFor(List.of(isp), Api.unique("98/QĐ-BTTTT"), "www.lừa-đảo-" + isp + ".vn");
            long covered = awaitNewer(isp, versions);
            versions.add(covered);
            Api.as(Api.SUPERVISOR).body(Map.of("reason", "withdrawn by the court", "reference", "12/QĐ-TA"))
                    .post("/api/v1/directives/" + first + "/revoke").then().statusCode(200);
            versions.add(awaitNewer(isp, versions));
            long latest = versions.get(versions.size() - 1);

            Map<String, String> current = view.awaitVersion(isp, latest);
            assertThat(current.get("signature")).isNotBlank();
            assertThat(current.get("content")).isEqualTo(view.keys().content(current.get("digest")));

            // A reader following the stream from the start sees every version once, in order, and its deltas
            // rebuild each version exactly (compared with REST for the versions whose content is still retained).
            Map<RuleType, TreeSet<String>> local = RedisView.emptyCopy();
            List<Long> seen = new ArrayList<>();
            String lastId = "0";
            while (seen.isEmpty() || seen.get(seen.size() - 1) < latest) {
                List<RedisView.Entry> entries = view.read(isp, lastId);
                assertThat(entries).as("stream entries after %s", lastId).isNotEmpty();
                for (RedisView.Entry entry : entries) {
                    assertThat(entry.fields().get("kind")).isEqualTo("delta");
                    if (entry.version() == covered) {
                        assertThat(entry.fields().keySet()).noneMatch(f -> f.startsWith("add:") || f.startsWith("del:"));
                    }
                    RedisView.apply(entry, local);
                    assertThat(RuleSet.digestOf(RedisView.asLists(local))).isEqualTo(entry.fields().get("digest"));
                    // The test profile retains the content of the latest three versions.
                    if (versions.subList(versions.size() - 3, versions.size()).contains(entry.version())) {
                        assertThat(RedisView.asLists(local)).isEqualTo(RedisView.restRules(isp, entry.version()));
                    }
                    seen.add(entry.version());
                    lastId = entry.id();
                }
            }
            assertThat(seen).containsSequence(versions.subList(versions.size() - 3, versions.size()));
            assertThat(seen).doesNotHaveDuplicates().isSorted();

            Map<RuleType, List<String>> rest = RedisView.restRules(isp, latest);
            for (RuleType type : RuleType.values()) {
                assertThat(view.members(current.get("digest"), type)).as(type.name()).isEqualTo(rest.get(type));
                assertThat(current.get("count:" + RedisKeys.typeName(type))).isEqualTo(String.valueOf(rest.get(type).size()));
            }
            awaitNotification(notifications, view.keys().channel(isp) + " " + latest);
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void ispsWithIdenticalRulesShareOneCopy() {
        RedisView view = new RedisView(redis, prefix);
        String one = Api.newIsp();
        String two = Api.newIsp();
        Map<String, String> first = view.awaitVersion(one, Rulesets.current(one));
        Map<String, String> second = view.awaitVersion(two, Rulesets.current(two));
        assertThat(second.get("digest")).isEqualTo(first.get("digest"));
        assertThat(second.get("content")).isEqualTo(first.get("content"));
        assertThat(view.contentsIndex()).containsKey(first.get("digest"));
    }

    private static long awaitNewer(String isp, List<Long> versions) {
        long before = versions.get(versions.size() - 1);
        return Rulesets.await(isp, s -> s.getLong("current.version") > before).getLong("current.version");
    }

    private static void awaitNotification(List<String> notifications, String expected) {
        for (int i = 0; i < 100 && !notifications.contains(expected); i++) {
            RedisView.pause(100);
        }
        assertThat(notifications).contains(expected);
    }
}
