package org.interdict.publish;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.util.List;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleType;
import org.interdict.publish.PublishedVersions.Published;
import org.interdict.signing.RuleSetSignatures.Signed;

/**
 * The stream entry of a version: its identity and signature, and either its delta ({@code kind=delta}, rules one
 * per line in {@code add:<type>} and {@code del:<type>} fields) or {@code kind=resync}, telling readers to load the
 * full sets. The id {@code <version>-0} makes a retried XADD fail instead of adding the version twice.
 */
final class StreamEntries {

    private final RedisKeys keys;
    private final int streamLength;

    StreamEntries(RedisKeys keys, int streamLength) {
        this.keys = keys;
        this.streamLength = streamLength;
    }

    static String id(long version) {
        return version + "-0";
    }

    /** The version a stream id belongs to. */
    static long version(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    Request delta(Published version, Signed signed, Delta delta) {
        Request entry = header(version, signed, "delta");
        for (RuleType type : RuleType.values()) {
            lines(entry, "add:" + RedisKeys.typeName(type), delta.added().get(type));
            lines(entry, "del:" + RedisKeys.typeName(type), delta.removed().get(type));
        }
        return entry;
    }

    Request resync(Published version, Signed signed) {
        return header(version, signed, "resync");
    }

    private Request header(Published version, Signed signed, String kind) {
        // MAXLEN ~ trims whole macro nodes only, far cheaper than an exact trim; the length is approximate.
        return Request.cmd(Command.XADD).arg(keys.stream(version.isp())).arg("MAXLEN").arg("~").arg(streamLength)
                .arg(id(version.number()))
                .arg("version").arg(version.number())
                .arg("follows").arg(version.follows())
                .arg("digest").arg(version.digest())
                .arg("signature").arg(signed.signature())
                .arg("key_id").arg(signed.keyId())
                .arg("published_at").arg(version.publishedAt().toString())
                .arg("kind").arg(kind)
                .arg("content").arg(keys.content(version.digest()));
    }

    private static void lines(Request entry, String field, List<String> rules) {
        if (!rules.isEmpty()) {
            entry.arg(field).arg(String.join("\n", rules));
        }
    }
}
