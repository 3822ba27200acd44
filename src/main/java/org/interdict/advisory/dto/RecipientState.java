package org.interdict.advisory.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where one recipient stands on an advisory.
 *
 * @param recipient      {@code isp:<id>} or {@code agency:<id>}
 * @param toldRevision   the revision it was last told of; an acknowledgement of an older one is not current
 * @param acknowledgedByName the display name of who acknowledged (their subject when the name was not kept)
 * @param status         its latest remediation status (not-affected, investigating, mitigated, patched), if any
 * @param statusAt       when it says that status was reached
 * @param standing       for the authority: patched (patched or not affected), acknowledged, late (the deadline has
 *                       passed without patched), silent (neither acknowledged nor any status yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecipientState(String recipient, String name, int toldRevision, Integer acknowledgedRevision,
        Instant acknowledgedAt, String acknowledgedBy, String acknowledgedByName, String status, String statusNote,
        Instant statusAt, Instant statusReportedAt, String standing) {}
