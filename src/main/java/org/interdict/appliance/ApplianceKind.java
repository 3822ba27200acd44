package org.interdict.appliance;

import com.fasterxml.jackson.annotation.JsonCreator;
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

    @JsonCreator
    public static ApplianceKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown appliance kind " + code));
    }
}
