package org.interdict.compile;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SHA-256 of a rule set's provenance: which directives stand behind each rule. The rules' own digest leaves it
 * out (an appliance loads rules, not orders), so a directive whose every target an existing rule already covers
 * changes this digest alone; versions and stored contents tell such rule sets apart by it.
 *
 * <p>Hashed, per type in {@link RuleType} order and per rule in canonical order: the number of directive ids, then
 * the ids, each as an unsigned LEB128 varint. The rules themselves are left to the rules' digest: two rule sets
 * are the same content when both digests are equal.
 */
final class ProvenanceDigest {

    private static final int BUFFER = 1 << 16;
    /** Room for the longest varint of a long: ten bytes. */
    private static final int VARINT = 10;

    private ProvenanceDigest() {}

    static String of(Map<RuleType, long[][]> sources) {
        MessageDigest sha = CanonicalText.sha256();
        byte[] buffer = new byte[BUFFER];
        int length = 0;
        for (RuleType type : RuleType.values()) {
            for (long[] ids : sources.get(type)) {
                if (length + VARINT * (ids.length + 1) > BUFFER) {
                    sha.update(buffer, 0, length);
                    length = 0;
                }
                if (VARINT * (ids.length + 1) > BUFFER) {
                    // More ids than a buffer holds: hashed through a buffer of their own.
                    byte[] own = new byte[VARINT * (ids.length + 1)];
                    sha.update(own, 0, encode(ids, own, 0));
                    continue;
                }
                length = encode(ids, buffer, length);
            }
        }
        sha.update(buffer, 0, length);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static int encode(long[] ids, byte[] into, int at) {
        at = varint(ids.length, into, at);
        for (long id : ids) {
            at = varint(id, into, at);
        }
        return at;
    }

    private static int varint(long value, byte[] into, int at) {
        while ((value & ~0x7FL) != 0) {
            into[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        into[at++] = (byte) value;
        return at;
    }
}
