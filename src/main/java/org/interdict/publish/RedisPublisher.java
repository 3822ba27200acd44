package org.interdict.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.interdict.config.InterdictConfig;
import org.interdict.publish.PublishedVersions.Published;
import org.interdict.ruleset.RuleSetContents;
import org.interdict.signing.RuleSetSignatures;
import org.interdict.signing.RuleSetSignatures.Signed;

/**
 * Brings Redis up to PostgreSQL, one ISP at a time, in the order readers rely on: the current version's sets
 * complete, then the missing stream entries in version order, then the current key, then the notification. Every
 * step first looks at what Redis holds and skips what is already there, so the same call publishes a new version,
 * retries a failed attempt and repairs a Redis that restarted empty.
 */
@ApplicationScoped
public class RedisPublisher {

    private final RedisLink redis;
    private final RedisKeys keys;
    private final ContentWriter writer;
    private final StreamEntries entries;
    private final PublishedVersions versions;
    private final RuleSetContents contents;
    private final RuleSetSignatures signatures;
    private final InterdictConfig.Publish config;

    public RedisPublisher(Redis redis, InterdictConfig config, RuleSetContents contents, RuleSetSignatures signatures,
            ObjectMapper json) {
        this.config = config.publish();
        this.redis = new RedisLink(redis, this.config.timeout());
        this.keys = new RedisKeys(this.config.keyPrefix());
        this.writer = new ContentWriter(this.redis, keys, this.config.membersPerCommand(), this.config.commandsPerBatch());
        this.entries = new StreamEntries(keys, this.config.streamLength());
        this.versions = new PublishedVersions(json);
        this.contents = contents;
        this.signatures = signatures;
    }

    /** Publishes what Redis lacks of the ISP's versions; returns the version now current there, 0 when none. */
    long sync(Connection c, String isp) throws SQLException {
        List<Published> published = versions.latest(c, isp, config.streamLength());
        if (published.isEmpty()) {
            return 0;
        }
        Published current = published.get(published.size() - 1);
        Response head = redis.send(Request.cmd(Command.HMGET).arg(keys.current(isp)).arg("version").arg("digest"));
        String headDigest = head.get(1) == null ? null : head.get(1).toString();
        if (!writer.complete(current.digest(), current.counts())) {
            RuleSet base = headDigest == null || headDigest.equals(current.digest()) ? null : contents.withRules(headDigest);
            RuleSet rules = rules(current.digest());
            writer.write(rules, base, base == null ? null : contents.delta(base, rules));
        }
        appendMissing(published);
        boolean upToDate = head.get(0) != null && head.get(0).toLong() == current.number()
                && current.digest().equals(headDigest);
        if (!upToDate) {
            switchCurrent(current);
        }
        return current.number();
    }

    /** Removes content no retained version uses any more (UNLINK: freed off Redis's main thread). */
    void collect(Connection c) throws SQLException {
        Set<String> retained = PublishedVersions.retainedDigests(c, config.retainedVersions());
        for (Response digest : redis.send(Request.cmd(Command.HKEYS).arg(keys.contents()))) {
            if (!retained.contains(digest.toString())) {
                writer.remove(digest.toString());
            }
        }
    }

    /**
     * Keeps one spare copy per current content and none of anything else. Runs after publishing, under the
     * publication lock, so no other replica renames a spare while it is being written.
     */
    void refreshSpares(Connection c) throws SQLException {
        Set<String> current = config.spareCopies() ? PublishedVersions.retainedDigests(c, 1) : Set.of();
        for (String digest : writer.spares()) {
            if (!current.contains(digest)) {
                writer.removeSpare(digest);
            }
        }
        for (String digest : current) {
            // Only a missing or unfinished spare needs the content (the rename checks a finished one's sizes).
            RuleSet rules = writer.spareFinished(digest) ? null : contents.withRules(digest);
            if (rules != null) {
                writer.writeSpare(rules);
            }
        }
    }

    private void appendMissing(List<Published> published) {
        String isp = published.get(0).isp();
        Response last = redis.send(Request.cmd(Command.XREVRANGE).arg(keys.stream(isp)).arg("+").arg("-").arg("COUNT").arg(1));
        long lastVersion = last == null || last.size() == 0 ? 0 : StreamEntries.version(last.get(0).get(0).toString());
        for (int i = 0; i < published.size(); i++) {
            Published version = published.get(i);
            if (version.number() <= lastVersion) {
                continue;
            }
            Published previous = i > 0 ? published.get(i - 1) : null;
            Signed signed = signatures.sign(isp, version.number(), version.digest());
            Delta delta = delta(previous, version);
            try {
                redis.send(delta == null ? entries.resync(version, signed) : entries.delta(version, signed, delta));
            } catch (RuntimeException e) {
                // Another attempt wrote this id meanwhile: the entry is there, once.
                if (e.getMessage() == null || !e.getMessage().contains("equal or smaller")) {
                    throw e;
                }
            }
        }
    }

    /** The delta from the version before, or null when readers must resync: too large, or a base is gone. */
    private Delta delta(Published previous, Published version) {
        if (version.changed() > config.maxDeltaRules()) {
            return null;
        }
        RuleSet from;
        if (version.follows() == 0) {
            from = RuleSet.empty();
        } else if (previous != null && previous.number() == version.follows()) {
            from = contents.withRules(previous.digest());
        } else {
            return null;
        }
        RuleSet to = contents.withRules(version.digest());
        return from == null || to == null ? null : contents.delta(from, to);
    }

    private void switchCurrent(Published version) {
        Signed signed = signatures.sign(version.isp(), version.number(), version.digest());
        Request hset = Request.cmd(Command.HSET).arg(keys.current(version.isp()))
                .arg("version").arg(version.number())
                .arg("digest").arg(version.digest())
                .arg("signature").arg(signed.signature())
                .arg("key_id").arg(signed.keyId())
                .arg("published_at").arg(version.publishedAt().toString())
                .arg("content").arg(keys.content(version.digest()));
        int total = 0;
        for (RuleType type : RuleType.values()) {
            int count = version.counts().getOrDefault(type, 0);
            hset.arg("count:" + RedisKeys.typeName(type)).arg(count);
            total += count;
        }
        hset.arg("rules").arg(total);
        // One HSET replaces every field at once: a reader never sees a mix of two versions.
        redis.batch(List.of(hset,
                Request.cmd(Command.SADD).arg(keys.isps()).arg(version.isp()),
                Request.cmd(Command.PUBLISH).arg(keys.channel(version.isp())).arg(version.number())));
    }

    private RuleSet rules(String digest) {
        RuleSet rules = contents.withRules(digest);
        if (rules == null) {
            throw new IllegalStateException("content " + digest + " of a current version is not retained");
        }
        return rules;
    }
}
