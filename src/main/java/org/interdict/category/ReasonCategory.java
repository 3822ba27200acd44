package org.interdict.category;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Why a directive was issued; reported in transparency statistics. */
public enum ReasonCategory {
    MALWARE("malware"),
    PHISHING("phishing"),
    BOTNET("botnet"),
    FRAUD("fraud"),
    GAMBLING("gambling"),
    ILLEGAL_CONTENT("illegal-content"),
    COPYRIGHT("copyright"),
    CHILD_ABUSE("child-abuse"),
    OTHER("other");

    private final String code;

    ReasonCategory(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReasonCategory fromCode(String code) {
        return Arrays.stream(values())
                .filter(c -> c.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown category " + code));
    }
}
