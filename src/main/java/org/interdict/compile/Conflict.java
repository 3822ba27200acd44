package org.interdict.compile;

import java.util.Comparator;
import java.util.Objects;
import org.interdict.target.TargetType;

/** A directive target that the allowlist kept, wholly or partly, out of the rule set. */
public record Conflict(
        long directiveId,
        TargetType targetType,
        String targetValue,
        AllowEntry protectedBy,
        Resolution resolution,
        String message) {

    static final Comparator<Conflict> ORDER = Comparator.comparingLong(Conflict::directiveId)
            .thenComparing(Conflict::targetType)
            .thenComparing(Conflict::targetValue)
            .thenComparing(Conflict::protectedBy, AllowEntry.CANONICAL);

    public Conflict {
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetValue, "targetValue");
        Objects.requireNonNull(protectedBy, "protectedBy");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(message, "message");
    }
}
