package org.interdict.alert.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An alert period; recipients see the audience's flags, not the other recipients it lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPeriodView(long id, String authority, String name, Instant from, Instant to, String level,
        AlertPeriodInput.Audience audience, Integer enforcementDeadlineMinutes, Integer applianceSilenceMinutes,
        String declaredBy, Instant declaredAt, boolean active) {}
