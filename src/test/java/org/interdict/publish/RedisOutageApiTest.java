package org.interdict.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.compile.RuleType;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/** Redis stops while versions are made and comes back empty: it converges to PostgreSQL, each version once. */
@QuarkusTest
@TestProfile(OwnRedisProfile.class)
class RedisOutageApiTest {

    @Inject
    Redis redis;

    @ConfigProperty(name = "interdict.publish.key-prefix")
    String prefix;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void redisRestartedEmptyConvergesToPostgresql() throws SQLException {
        RedisView view = new RedisView(redis, prefix);
        String isp = Api.newIsp();
        long before = Rulesets.current(isp);
        view.awaitVersion(isp, before);

        OwnRedisServer.stopServer();
        long latest = before;
        for (int i = 0; i < 3; i++) {
            Api.approvedFor(List.of(isp), Api.unique("1353/BTTTT-CATTT"), "outage-" + i + "-" + isp + ".vn");
            long previous = latest;
            latest = Rulesets.await(isp, s -> s.getLong("current.version") > previous).getLong("current.version");
            // The service keeps serving while Redis is away.
            Api.as(Api.AUDITOR).get("/api/v1/isps/" + isp + "/ruleset/versions/" + latest).then().statusCode(200);
        }
        RestAssured.get(ready).then().statusCode(503);
        assertThat(Db.queryString("select count(*) from publish_outbox where isp_id = ?", isp)).isNotEqualTo("0");

        OwnRedisServer.startServer();
        view.awaitVersion(isp, latest);
        awaitConverged(view);

        assertThat(Db.queryString("select count(*) from publish_outbox")).isEqualTo("0");
        RestAssured.get(ready).then().statusCode(200);
        Map<RuleType, List<String>> rest = RedisView.restRules(isp, latest);
        String digest = view.current(isp).get("digest");
        for (RuleType type : RuleType.values()) {
            assertThat(view.members(digest, type)).as(type.name()).isEqualTo(rest.get(type));
        }
    }

    /** Every ISP's current hash, sets and stream in Redis match PostgreSQL; fails after 30 s. */
    private void awaitConverged(RedisView view) throws SQLException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> differences = differences(view);
        while (!differences.isEmpty() && Instant.now().isBefore(deadline)) {
            RedisView.pause(200);
            differences = differences(view);
        }
        assertThat(differences).as("Redis differs from PostgreSQL").isEmpty();
    }

    private List<String> differences(RedisView view) throws SQLException {
        Map<String, List<Long>> published = new LinkedHashMap<>();
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection c = Db.connect();
                ResultSet rows = c.createStatement().executeQuery("select isp_id, number, digest from ruleset_version"
                        + " where state = 'PUBLISHED' order by isp_id, number")) {
            while (rows.next()) {
                published.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getLong(2));
                digests.put(rows.getString(1), rows.getString(3));
            }
        }
        List<String> differences = new ArrayList<>();
        Set<String> currentDigests = new HashSet<>();
        for (Map.Entry<String, List<Long>> isp : published.entrySet()) {
            Map<String, String> current = view.current(isp.getKey());
            List<Long> versions = isp.getValue();
            if (!String.valueOf(versions.get(versions.size() - 1)).equals(current.get("version"))
                    || !digests.get(isp.getKey()).equals(current.get("digest"))) {
                differences.add(isp.getKey() + " current " + current.get("version"));
                continue;
            }
            currentDigests.add(current.get("digest"));
            for (RuleType type : RuleType.values()) {
                if (view.members(current.get("digest"), type).size()
                        != Integer.parseInt(current.get("count:" + RedisKeys.typeName(type)))) {
                    differences.add(isp.getKey() + " set " + type);
                }
            }
            List<Long> streamed = view.stream(isp.getKey()).stream().map(RedisView.Entry::version).toList();
            if (!streamed.equals(versions)) {
                differences.add(isp.getKey() + " stream " + streamed + " instead of " + versions);
            }
        }
        if (!view.contentsIndex().keySet().containsAll(currentDigests)) {
            differences.add("contents index " + view.contentsIndex().keySet() + " lacks some of " + currentDigests);
        }
        return differences;
    }
}
