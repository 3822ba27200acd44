package org.interdict.publish;

import java.util.Locale;
import org.interdict.compile.RuleType;

/** Every key and channel the publisher writes, under one prefix (see docs/redis-protocol.md). */
final class RedisKeys {

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** Hash: the ISP's current version (number, digest, signature, counts ...). */
    String current(String isp) {
        return prefix + ":isp:" + isp + ":current";
    }

    /** Stream: one entry per version, id {@code <version>-0}. */
    String stream(String isp) {
        return prefix + ":isp:" + isp + ":stream";
    }

    /** Pub/Sub channel: the number of each new version. */
    String channel(String isp) {
        return prefix + ":isp:" + isp + ":versions";
    }

    /** What the type keys of one content start with, as announced to readers. */
    String content(String digest) {
        return prefix + ":content:" + digest;
    }

    /** Set: the rules of one type of the content with this digest, shared by every ISP whose rules are identical. */
    String content(String digest, RuleType type) {
        return content(digest) + ":" + typeName(type);
    }

    /** Hash: digest to rule count for every content written ({@code writing} while incomplete), our index. */
    String contents() {
        return prefix + ":contents";
    }

    /** Set: a spare copy of one type of a current content, which the next version derived from it renames. */
    String spare(String digest, RuleType type) {
        return prefix + ":spare:" + digest + ":" + typeName(type);
    }

    /** Hash: digest to rule count for every spare copy ({@code writing} while incomplete). */
    String spares() {
        return prefix + ":spares";
    }

    /** Set: the ISPs published to, the index of the per-ISP keys. */
    String isps() {
        return prefix + ":isps";
    }

    static String typeName(RuleType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
