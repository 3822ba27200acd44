package org.interdict.appeal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** An appeal as its status page shows it to whoever holds the tracking link. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealStatusView(long id, String status, String appellantKind, String collateral, Instant filedAt,
        Instant receivedAt, List<ContestedTarget> targets, List<String> evidence) {

    /** A contested target and the references of the published orders that blocked it when the appeal was filed. */
    public record ContestedTarget(String type, String value, List<String> orders) {}
}
