package org.interdict.appliance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What an appliance does with the rules it pulls. */
public enum ApplianceKind {
    DNS_RESOLVER("dns-resolver"),
    DPI("dpi"),
    FIREWALL("firewall"),
    PROXY("proxy"),
    OTHER("other");

    private final String code;

    ApplianceKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Jackson reads the kind by its {@link JsonValue} code, without a creator: an unknown code then fails as a
     * mismatched input, which the error pipeline reports with the field's name.
     */
    public static ApplianceKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown appliance kind " + code));
    }
}
