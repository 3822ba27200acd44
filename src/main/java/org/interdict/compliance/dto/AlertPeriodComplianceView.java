package org.interdict.compliance.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an alert period's recipients owed and did not do: the past days of the period without their situation report,
 * and the enforcement deadlines of block directives that fell in the period and that an ISP it addresses missed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPeriodComplianceView(long alertPeriod, String name, String authority, Instant from, Instant to,
        boolean active, Instant cancelledAt, List<MissedReport> missedReports, List<MissedDeadline> missedDeadlines) {

    /** A past day of the period for which the recipient ({@code isp:<id>} or {@code agency:<id>}) sent no report. */
    public record MissedReport(String recipient, LocalDate day) {}

    /**
     * A directive's enforcement deadline the ISP missed: {@code enforcedAt} when its appliances applied it late, absent
     * while they still have not.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MissedDeadline(long directive, String legalReference, String isp, Instant deadline,
            Instant enforcedAt) {}
}
