package org.interdict.transparency;

import java.time.LocalDate;
import org.interdict.error.ProblemException;
import org.interdict.paging.QueryParams;

/**
 * The dates a transparency report covers, read from the {@code from} and {@code to} parameters as the API and the
 * console both take them: inclusive; by default the twelve months up to today; at most {@code maxYears} apart.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    private static final String DATE = "an ISO-8601 date such as 2026-04-30";

    public static ReportPeriod of(String from, String to, LocalDate today, int maxYears) {
        LocalDate end = QueryParams.value("to", to, LocalDate::parse, DATE);
        LocalDate last = end == null ? today : end;
        LocalDate start = QueryParams.value("from", from, LocalDate::parse, DATE);
        LocalDate first = start == null ? last.minusYears(1).plusDays(1) : start;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "after-to", "from must not be after to");
        }
        if (!last.isBefore(first.plusYears(maxYears))) {
            // Names the bound the client chose last: to when given, else from (to defaults to today).
            throw ProblemException.invalid(end == null ? "from" : "to", "range-too-wide",
                    "from and to may be at most " + maxYears + " years apart (" + first + " to "
                            + first.plusYears(maxYears).minusDays(1) + ")");
        }
        return new ReportPeriod(first, last);
    }
}
