package org.interdict.alert.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An alert period; recipients see the audience's flags, not the other recipients it lists. {@code version} goes up
 * with each edit and the cancellation (the ETag, for If-Match); a cancelled period ended at {@code cancelledAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPeriodView(long id, String authority, String name, Instant from, Instant to, String level,
        AlertPeriodInput.Audience audience, Integer enforcementDeadlineMinutes, Integer applianceSilenceMinutes,
        String declaredBy, Instant declaredAt, boolean active, int version, String updatedBy, Instant updatedAt,
        String cancelledBy, Instant cancelledAt, String cancellationReason) {}
