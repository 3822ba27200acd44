package org.interdict.publish;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * Writes a rule set's content into one Redis set per type, addressed by digest so that ISPs with identical rules
 * share one copy. The index hash says {@code writing} until every set is complete, then the rule count: a reader is
 * only ever pointed at complete content.
 */
final class ContentWriter {

    private static final String WRITING = "writing";

    private final RedisLink redis;
    private final RedisKeys keys;
    private final int membersPerCommand;
    private final int commandsPerBatch;

    ContentWriter(RedisLink redis, RedisKeys keys, int membersPerCommand, int commandsPerBatch) {
        this.redis = redis;
        this.keys = keys;
        this.membersPerCommand = membersPerCommand;
        this.commandsPerBatch = commandsPerBatch;
    }

    /** Whether Redis holds the complete content: indexed as complete, and every set of the expected size. */
    boolean complete(String digest, Map<RuleType, Integer> counts) {
        List<Request> checks = new ArrayList<>();
        checks.add(Request.cmd(Command.HGET).arg(keys.contents()).arg(digest));
        for (RuleType type : RuleType.values()) {
            checks.add(Request.cmd(Command.SCARD).arg(keys.content(digest, type)));
        }
        List<Response> replies = redis.batch(checks);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (replies.get(0) == null || !replies.get(0).toString().equals(Integer.toString(total))) {
            return false;
        }
        for (RuleType type : RuleType.values()) {
            if (replies.get(type.ordinal() + 1).toLong() != counts.getOrDefault(type, 0).longValue()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the index marks this content complete (cheap; for choosing a base to copy from). */
    boolean indexed(String digest) {
        Response count = redis.send(Request.cmd(Command.HGET).arg(keys.contents()).arg(digest));
        return count != null && !count.toString().equals(WRITING);
    }

    /**
     * Writes the content. With a {@code base} already complete in Redis, copies its sets inside Redis and applies
     * the delta (a one-rule change then costs a server-side copy, not a million members over the network);
     * otherwise sends every member.
     */
    void write(RuleSet rules, RuleSet base) {
        String digest = rules.digest();
        redis.send(Request.cmd(Command.HSET).arg(keys.contents()).arg(digest).arg(WRITING));
        // Leftovers of an interrupted attempt; UNLINK frees them off Redis's main thread.
        redis.send(unlinkSets(digest));
        if (base != null && indexed(base.digest())) {
            List<Request> copies = new ArrayList<>();
            for (RuleType type : RuleType.values()) {
                copies.add(Request.cmd(Command.COPY).arg(keys.content(base.digest(), type)).arg(keys.content(digest, type)));
            }
            redis.batch(copies);
            Delta delta = Delta.between(base, rules);
            redis.pipeline(members(Command.SREM, digest, delta.removed()), commandsPerBatch);
            redis.pipeline(members(Command.SADD, digest, delta.added()), commandsPerBatch);
        } else {
            Map<RuleType, List<String>> all = new EnumMap<>(RuleType.class);
            for (RuleType type : RuleType.values()) {
                all.put(type, rules.rules(type));
            }
            redis.pipeline(members(Command.SADD, digest, all), commandsPerBatch);
        }
        Map<RuleType, Integer> counts = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            counts.put(type, rules.count(type));
        }
        redis.send(Request.cmd(Command.HSET).arg(keys.contents()).arg(digest).arg(rules.size()));
        if (!complete(digest, counts)) {
            throw new IllegalStateException("Redis content " + digest + " incomplete after writing");
        }
    }

    /** Removes content without blocking Redis (UNLINK), then its index entry. */
    void remove(String digest) {
        redis.send(unlinkSets(digest));
        redis.send(Request.cmd(Command.HDEL).arg(keys.contents()).arg(digest));
    }

    private Request unlinkSets(String digest) {
        Request unlink = Request.cmd(Command.UNLINK);
        for (RuleType type : RuleType.values()) {
            unlink.arg(keys.content(digest, type));
        }
        return unlink;
    }

    /** {@code command key m1 m2 ...} requests over every rule of every type, built lazily as they are sent. */
    private Iterator<Request> members(Command command, String digest, Map<RuleType, List<String>> byType) {
        return new Iterator<>() {
            private int type;
            private int from;

            @Override
            public boolean hasNext() {
                while (type < RuleType.values().length && from >= rulesOf(type).size()) {
                    type++;
                    from = 0;
                }
                return type < RuleType.values().length;
            }

            @Override
            public Request next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RuleType current = RuleType.values()[type];
                List<String> rules = rulesOf(type);
                int to = Math.min(rules.size(), from + membersPerCommand);
                Request request = Request.cmd(command).arg(keys.content(digest, current));
                for (int i = from; i < to; i++) {
                    request.arg(rules.get(i));
                }
                from = to;
                return request;
            }

            private List<String> rulesOf(int index) {
                return byType.getOrDefault(RuleType.values()[index], List.of());
            }
        };
    }
}
