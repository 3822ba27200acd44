package org.interdict.alert.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One recipient's report for one day of a period, or its absence.
 *
 * @param state          reported; missed (a past day without a report); due (today, not yet reported)
 * @param reportedBy     the sign-in subject of who sent it
 * @param reportedByName their display name (the subject for a report sent before names were kept)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SituationReportView(String recipient, LocalDate day, String state, Boolean noIncident,
        String summary, String reportedBy, String reportedByName, Instant reportedAt) {}
