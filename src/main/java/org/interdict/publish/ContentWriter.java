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
import java.util.function.BiFunction;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * Writes a rule set's content into one Redis set per type, addressed by digest so that ISPs with identical rules
 * share one copy. The index hash says {@code writing} until every set is complete, then the rule count: a reader is
 * only ever pointed at complete content. A spare copy of the current content, indexed the same way, lets the next
 * version start from a rename instead of a copy.
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
        return matches(redis.batch(checks), counts);
    }

    /** Whether the index entry (first reply) holds the total and each SCARD (the others) its type's count. */
    private static boolean matches(List<Response> replies, Map<RuleType, Integer> counts) {
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
        return finished(redis.send(Request.cmd(Command.HGET).arg(keys.contents()).arg(digest)));
    }

    /**
     * Writes the content. With a {@code base} already complete in Redis, starts from a copy of its sets and applies
     * the delta: the spare copy prepared in advance when there is one (renamed, which costs nothing), else a copy
     * made inside Redis. Either way a one-rule change sends one rule, not a million. Without a base, sends every
     * member.
     *
     * @param fromBase the delta from {@code base} to {@code rules}; null when base is
     */
    void write(RuleSet rules, RuleSet base, Delta fromBase) {
        String digest = rules.digest();
        redis.send(Request.cmd(Command.HSET).arg(keys.contents()).arg(digest).arg(WRITING));
        // Leftovers of an interrupted attempt; UNLINK frees them off Redis's main thread. It also makes sure that
        // a RENAME below never lands on an existing key.
        redis.send(unlinkSets(digest));
        if (base != null && (takeSpare(base, digest) || copy(base, digest))) {
            redis.pipeline(members(Command.SREM, keys::content, digest, fromBase.removed()), commandsPerBatch);
            redis.pipeline(members(Command.SADD, keys::content, digest, fromBase.added()), commandsPerBatch);
        } else {
            redis.pipeline(members(Command.SADD, keys::content, digest, everyRule(rules)), commandsPerBatch);
        }
        redis.send(Request.cmd(Command.HSET).arg(keys.contents()).arg(digest).arg(rules.size()));
        if (!complete(digest, rules.counts())) {
            throw new IllegalStateException("Redis content " + digest + " incomplete after writing");
        }
    }

    /**
     * Prepares a spare copy of a content's sets, for the next version derived from it to take over. Sent in
     * batches like any snapshot, so Redis keeps answering meanwhile (a server-side copy would hold it for the
     * whole set).
     */
    void writeSpare(RuleSet rules) {
        String digest = rules.digest();
        redis.send(Request.cmd(Command.HSET).arg(keys.spares()).arg(digest).arg(WRITING));
        redis.send(unlinkSpare(digest));
        redis.pipeline(members(Command.SADD, keys::spare, digest, everyRule(rules)), commandsPerBatch);
        redis.send(Request.cmd(Command.HSET).arg(keys.spares()).arg(digest).arg(rules.size()));
    }

    /** The digests with a spare copy, finished or not. */
    List<String> spares() {
        List<String> digests = new ArrayList<>();
        for (Response digest : redis.send(Request.cmd(Command.HKEYS).arg(keys.spares()))) {
            digests.add(digest.toString());
        }
        return digests;
    }

    /** Whether the spare copy of this content was written to the end (taking it over checks its sizes). */
    boolean spareFinished(String digest) {
        return finished(redis.send(Request.cmd(Command.HGET).arg(keys.spares()).arg(digest)));
    }

    /** Whether an index entry (the rule count, or {@code writing}) says its content was written to the end. */
    private static boolean finished(Response indexEntry) {
        return indexEntry != null && !indexEntry.toString().equals(WRITING);
    }

    void removeSpare(String digest) {
        redis.send(unlinkSpare(digest));
        redis.send(Request.cmd(Command.HDEL).arg(keys.spares()).arg(digest));
    }

    /** Renames the base's complete spare sets to the new content's; false when there is no complete spare. */
    private boolean takeSpare(RuleSet base, String digest) {
        if (!spareComplete(base.digest(), base.counts())) {
            return false;
        }
        List<Request> renames = new ArrayList<>();
        for (RuleType type : RuleType.values()) {
            // An empty set is no key at all in Redis: nothing to rename.
            if (base.count(type) > 0) {
                renames.add(Request.cmd(Command.RENAME).arg(keys.spare(base.digest(), type))
                        .arg(keys.content(digest, type)));
            }
        }
        renames.add(Request.cmd(Command.HDEL).arg(keys.spares()).arg(base.digest()));
        redis.batch(renames);
        return true;
    }

    private boolean copy(RuleSet base, String digest) {
        if (!indexed(base.digest())) {
            return false;
        }
        List<Request> copies = new ArrayList<>();
        for (RuleType type : RuleType.values()) {
            copies.add(Request.cmd(Command.COPY).arg(keys.content(base.digest(), type)).arg(keys.content(digest, type)));
        }
        redis.batch(copies);
        return true;
    }

    private boolean spareComplete(String digest, Map<RuleType, Integer> counts) {
        List<Request> checks = new ArrayList<>();
        checks.add(Request.cmd(Command.HGET).arg(keys.spares()).arg(digest));
        for (RuleType type : RuleType.values()) {
            checks.add(Request.cmd(Command.SCARD).arg(keys.spare(digest, type)));
        }
        return matches(redis.batch(checks), counts);
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

    private Request unlinkSpare(String digest) {
        Request unlink = Request.cmd(Command.UNLINK);
        for (RuleType type : RuleType.values()) {
            unlink.arg(keys.spare(digest, type));
        }
        return unlink;
    }

    private static Map<RuleType, List<String>> everyRule(RuleSet rules) {
        Map<RuleType, List<String>> all = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            all.put(type, rules.rules(type));
        }
        return all;
    }

    /** {@code command key m1 m2 ...} requests over every rule of every type, built lazily as they are sent. */
    private Iterator<Request> members(Command command, BiFunction<String, RuleType, String> key, String digest,
            Map<RuleType, List<String>> byType) {
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
                Request request = Request.cmd(command).arg(key.apply(digest, current));
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
