package org.interdict.alert.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An alert period; recipients see the audience's flags, not the other recipients it lists. {@code version} goes up
 * with each edit and the cancellation (the ETag, for If-Match); a cancelled period ended at {@code cancelledAt}.
 * {@code declaredBy}, {@code updatedBy} and {@code cancelledBy} are sign-in subjects; each {@code *ByName} is that
 * person's display name (the subject for a period recorded before names were kept).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPeriodView(long id, String authority, String name, Instant from, Instant to, String level,
        AlertPeriodInput.Audience audience, Integer enforcementDeadlineMinutes, Integer applianceSilenceMinutes,
        String declaredBy, String declaredByName, Instant declaredAt, boolean active, int version, String updatedBy,
        String updatedByName, Instant updatedAt, String cancelledBy, String cancelledByName, Instant cancelledAt,
        String cancellationReason) {}
