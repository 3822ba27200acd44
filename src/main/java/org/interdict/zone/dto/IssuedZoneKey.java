package org.interdict.zone.dto;

/**
 * A new TSIG key with its secret (base64, as BIND's {@code key} statement and {@code dig -y} take it). This is the
 * only time the secret is shown: it is stored sealed and no operation reads it back; a lost secret is replaced by a
 * new key.
 */
public record IssuedZoneKey(String secret, ZoneKeyView key) {

    @Override
    public String toString() {
        return "IssuedZoneKey[key=" + key + "]";
    }
}
