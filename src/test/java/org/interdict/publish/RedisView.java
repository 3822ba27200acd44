package org.interdict.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.interdict.compile.RuleType;
import org.interdict.support.Api;

/** What a reader of the protocol sees in Redis, for assertions; reads only, through the documented keys. */
final class RedisView {

    /** A stream entry: its id and fields (a field may hold several rules, one a line). */
    record Entry(String id, Map<String, String> fields) {
        long version() {
            return Long.parseLong(fields.get("version"));
        }
    }

    private final RedisLink redis;
    private final RedisKeys keys;

    RedisView(Redis redis, String prefix) {
        this.redis = new RedisLink(redis, Duration.ofSeconds(10));
        this.keys = new RedisKeys(prefix);
    }

    RedisKeys keys() {
        return keys;
    }

    Map<String, String> current(String isp) {
        return hash(redis.send(Request.cmd(Command.HGETALL).arg(keys.current(isp))));
    }

    long currentVersion(String isp) {
        String version = current(isp).get("version");
        return version == null ? 0 : Long.parseLong(version);
    }

    /** The ISP's current version in Redis once it reaches {@code version}; fails after 30 s. */
    Map<String, String> awaitVersion(String isp, long version) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && currentVersion(isp) < version) {
            pause(100);
        }
        assertThat(currentVersion(isp)).as("version of %s in Redis", isp).isEqualTo(version);
        return current(isp);
    }

    /** The members of the content's set of one type, sorted like the canonical order. */
    List<String> members(String digest, RuleType type) {
        TreeSet<String> members = new TreeSet<>();
        for (Response member : redis.send(Request.cmd(Command.SMEMBERS).arg(keys.content(digest, type)))) {
            members.add(member.toString());
        }
        return new ArrayList<>(members);
    }

    List<Entry> stream(String isp) {
        return entries(redis.send(Request.cmd(Command.XRANGE).arg(keys.stream(isp)).arg("-").arg("+")));
    }

    /** One blocking XREAD after {@code lastId}, as an appliance does. */
    List<Entry> read(String isp, String lastId) {
        Response reply = redis.send(Request.cmd(Command.XREAD).arg("COUNT").arg(100).arg("BLOCK").arg(1000)
                .arg("STREAMS").arg(keys.stream(isp)).arg(lastId));
        if (reply == null || reply.size() == 0) {
            return List.of();
        }
        // RESP3 answers {key: entries}, RESP2 [[key, entries]].
        return entries(reply.containsKey(keys.stream(isp)) ? reply.get(keys.stream(isp)) : reply.get(0).get(1));
    }

    Map<String, String> contentsIndex() {
        return hash(redis.send(Request.cmd(Command.HGETALL).arg(keys.contents())));
    }

    /** The rules of one REST version, per type. */
    static Map<RuleType, List<String>> restRules(String isp, long version) {
        JsonPath json = Api.as(Api.AUDITOR).get("/api/v1/isps/" + isp + "/ruleset/versions/" + version)
                .then().statusCode(200).extract().jsonPath();
        Map<RuleType, List<String>> rules = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            rules.put(type, new ArrayList<>(new TreeSet<>(json.<String>getList("rules.findAll { it.type == '"
                    + type.name() + "' }.rule"))));
        }
        return rules;
    }

    /** Applies a delta entry to a local copy, the way the protocol document tells readers to. */
    static void apply(Entry entry, Map<RuleType, TreeSet<String>> local) {
        for (RuleType type : RuleType.values()) {
            String removed = entry.fields().get("del:" + RedisKeys.typeName(type));
            String added = entry.fields().get("add:" + RedisKeys.typeName(type));
            if (removed != null) {
                local.get(type).removeAll(List.of(removed.split("\n")));
            }
            if (added != null) {
                local.get(type).addAll(List.of(added.split("\n")));
            }
        }
    }

    static Map<RuleType, TreeSet<String>> emptyCopy() {
        Map<RuleType, TreeSet<String>> local = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            local.put(type, new TreeSet<>());
        }
        return local;
    }

    static Map<RuleType, List<String>> asLists(Map<RuleType, TreeSet<String>> local) {
        Map<RuleType, List<String>> lists = new EnumMap<>(RuleType.class);
        local.forEach((type, rules) -> lists.put(type, new ArrayList<>(rules)));
        return lists;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Entry> entries(Response reply) {
        List<Entry> entries = new ArrayList<>();
        if (reply == null) {
            return entries;
        }
        for (Response entry : reply) {
            entries.add(new Entry(entry.get(0).toString(), pairs(entry.get(1))));
        }
        return entries;
    }

    private static Map<String, String> pairs(Response flat) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(flat.get(i).toString(), flat.get(i + 1).toString());
        }
        return fields;
    }

    private static Map<String, String> hash(Response reply) {
        Map<String, String> fields = new HashMap<>();
        if (reply == null) {
            return fields;
        }
        if (reply.getKeys().isEmpty()) {
            return pairs(reply);
        }
        for (String key : reply.getKeys()) {
            fields.put(key, reply.get(key).toString());
        }
        return fields;
    }
}
