package org.interdict.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.compile.RuleType;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/** The reference reader, scripts/redis-follow.sh, keeps a local copy equal to what REST serves. */
@QuarkusTest
class RedisFollowScriptApiTest {

    @Inject
    Redis redis;

    @ConfigProperty(name = "interdict.publish.key-prefix")
    String prefix;

    @Test
    void followerResynchronisesThenAppliesDeltas() throws Exception {
        RedisView view = new RedisView(redis, prefix);
        Path copy = Files.createTempDirectory("interdict-follow");
        String isp = Api.newIsp();
        long first = Rulesets.current(isp);
        Api.approvedFor(List.of(isp), Api.unique("1353/BTTTT-CATTT"), "follow-" + isp + ".vn", "*.tree-" + isp + ".vn",
                "45.118.152.0/24");
        long second = Rulesets.await(isp, s -> s.getLong("current.version") > first).getLong("current.version");
        view.awaitVersion(isp, second);

        assertThat(follow(isp, copy, second)).contains("resynchronised to version");
        assertCopy(copy, isp, second);

        Api.approvedFor(List.of(isp), Api.unique("97/QĐ-BTTTT"), "http://follow-" + isp + ".vn/page", "2a0b:4d07:52::/48");
        long third = Rulesets.await(isp, s -> s.getLong("current.version") > second).getLong("current.version");
        assertThat(follow(isp, copy, third)).contains("applied version " + third).doesNotContain("resynchronised");
        assertCopy(copy, isp, third);
    }

    /** Runs the follower until it holds {@code until}; returns what it logged. */
    private String follow(String isp, Path copy, long until) throws IOException, InterruptedException {
        Path log = Files.createTempFile("interdict-follow", ".log");
        ProcessBuilder command = new ProcessBuilder("scripts/redis-follow.sh", isp, copy.toString(), "--until",
                String.valueOf(until)).redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put("REDIS_KEY_PREFIX", prefix);
        Process follower = command.start();
        boolean finished = follower.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            follower.destroy();
        }
        String output = Files.readString(log);
        assertThat(finished && follower.exitValue() == 0).as("redis-follow.sh reached version %d: %s", until, output)
                .isTrue();
        return output;
    }

    private static void assertCopy(Path copy, String isp, long version) throws IOException {
        assertThat(Files.readString(copy.resolve("version")).strip()).isEqualTo(String.valueOf(version));
        Map<RuleType, List<String>> rest = RedisView.restRules(isp, version);
        for (RuleType type : RuleType.values()) {
            assertThat(Files.readAllLines(copy.resolve(RedisKeys.typeName(type) + ".txt"))).as(type.name())
                    .isEqualTo(rest.get(type));
        }
    }
}
