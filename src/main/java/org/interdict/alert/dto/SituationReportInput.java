package org.interdict.alert.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A recipient's daily situation report.
 *
 * @param day        the day it covers, in the service's time zone; left out: today
 * @param noIncident true for "no incident": then {@code summary} may be left out
 */
public record SituationReportInput(LocalDate day, @NotNull Boolean noIncident, @Size(max = 4000) String summary) {}
