package org.interdict.compile;

import java.security.MessageDigest;
import java.util.Map;
import org.interdict.hash.Sha256;

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

    private final MessageDigest sha = Sha256.start();
    private final byte[] buffer = new byte[BUFFER];
    private int length;

    private ProvenanceDigest() {}

    static String of(Map<RuleType, long[][]> sources) {
        ProvenanceDigest digest = new ProvenanceDigest();
        for (RuleType type : RuleType.values()) {
            for (long[] ids : sources.get(type)) {
                digest.varint(ids.length);
                for (long id : ids) {
                    digest.varint(id);
                }
            }
        }
        digest.sha.update(digest.buffer, 0, digest.length);
        return Sha256.finish(digest.sha);
    }

    private void varint(long value) {
        if (length + VARINT > BUFFER) {
            sha.update(buffer, 0, length);
            length = 0;
        }
        while ((value & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[length++] = (byte) value;
    }
}
