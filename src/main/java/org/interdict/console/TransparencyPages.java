package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.authority.AuthorityRef;
import org.interdict.category.ReasonCategory;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.DirectiveKind;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.security.Roles;
import org.interdict.transparency.ReportPeriod;
import org.interdict.transparency.TransparencyCsv;
import org.interdict.transparency.TransparencyService;
import org.interdict.transparency.dto.TransparencyReport;
import org.interdict.transparency.dto.TransparencyReport.Count;

/**
 * The transparency report for auditors and administrators, and for everyone when {@code interdict.transparency.public}
 * is true (then without signing in, as the API's report; see {@link PublicTransparencyPolicy}): directives by month, authority, category and kind as charts that are also
 * tables, the time ISPs took to enforce, and the CSV the API gives, downloaded with the session.
 */
@Path("/console/transparency")
@PermitAll
public class TransparencyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(PageContext page, String from, String to, TransparencyReport report,
                List<BarChart> charts, String csvLink);
    }

    private final Visit visit;
    private final TransparencyService transparency;
    private final InterdictConfig config;
    private final Clock clock;

    public TransparencyPages(Visit visit, TransparencyService transparency, InterdictConfig config, Clock clock) {
        this.visit = visit;
        this.transparency = transparency;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance report(@QueryParam("from") String from, @QueryParam("to") String to) {
        requireAllowed();
        ReportPeriod period = period(from, to);
        TransparencyReport report = transparency.report(period.from(), period.to());
        ConsoleMessages words = MessageBundles.get(ConsoleMessages.class,
                Localized.Literal.of(visit.locale().toLanguageTag()));
        boolean vietnamese = visit.locale().getLanguage().equals("vi");
        Map<String, Long> byAuthority = new LinkedHashMap<>();
        report.authorities().forEach(a -> byAuthority.put(authority(a.authority(), a.authorityLegacy(), vietnamese),
                a.directives()));
        String csv = "/console/transparency/report.csv?from=" + period.from() + "&to=" + period.to();
        return visit.localized(Templates.report(visit.context(), period.from().toString(), period.to().toString(),
                report, List.of(BarChart.of("month", sum(report, Count::month, new TreeMap<>())),
                BarChart.of("authority", byAuthority),
                BarChart.of("category", busiestFirst(sum(report,
                        c -> words.category(ReasonCategory.fromCode(c.category())), new LinkedHashMap<>()))),
                BarChart.of("kind", busiestFirst(sum(report, c -> words.kind(DirectiveKind.valueOf(c.kind())),
                        new LinkedHashMap<>())))),
                csv));
    }

    /** The counts as CSV, exactly as GET /api/v1/transparency?format=csv gives them. */
    @GET
    @Path("/report.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        requireAllowed();
        ReportPeriod period = period(from, to);
        String name = URLEncoder.encode("transparency-" + period.from() + "-" + period.to() + ".csv",
                StandardCharsets.UTF_8);
        return Response.ok(TransparencyCsv.of(transparency.counts(period.from(), period.to())),
                "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** The median time to enforce in whole minutes, as the page shows it. */
    @TemplateExtension
    static long medianMinutes(TransparencyReport.TimeToEnforce time) {
        return Math.round(time.medianSeconds() / 60);
    }

    /** The median time from receipt to decision in whole minutes, as the page shows it. */
    @TemplateExtension
    static long medianMinutes(TransparencyReport.Appeals appeals) {
        return Math.round(appeals.medianSecondsToDecision() / 60);
    }

    /** The roles the API's report asks for, unless the report is public. */
    private void requireAllowed() {
        var roles = visit.actor().roles();
        if (!config.transparency().publicReport() && !roles.contains(Roles.AUDITOR) && !roles.contains(Roles.ADMIN)) {
            throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden",
                    "The transparency report is for auditors and administrators");
        }
    }

    private ReportPeriod period(String from, String to) {
        return ReportPeriod.of(from, to, LocalDate.now(clock),
                config.transparency().maxRangeYears());
    }

    /** Directives per key, in the order of the map given. */
    private static Map<String, Long> sum(TransparencyReport report, Function<Count, String> key,
            Map<String, Long> into) {
        report.counts().forEach(c -> into.merge(key.apply(c), c.directives(), Long::sum));
        return into;
    }

    private static Map<String, Long> busiestFirst(Map<String, Long> values) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String authority(AuthorityRef ref, String legacy, boolean vietnamese) {
        if (ref == null) {
            return legacy;
        }
        return vietnamese ? ref.nameVi() : ref.nameEn();
    }
}
