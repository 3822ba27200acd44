package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.agency.AgencyService;
import org.interdict.agency.dto.AgencyView;
import org.interdict.alert.AlertPeriodService;
import org.interdict.alert.dto.AlertPeriodInput;
import org.interdict.alert.dto.AlertPeriodView;
import org.interdict.alert.dto.SituationReportInput;
import org.interdict.alert.dto.SituationReportView;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspView;
import org.interdict.security.RecipientScope;
import org.interdict.security.Roles;

/**
 * Heightened-alert periods in the console, through the same {@link AlertPeriodService} as the API: the authorities'
 * officers and supervisors declare one; everyone sees those that concern them; recipients send the daily situation
 * report ("no incident" is one); the authorities' people, auditors and administrators see who has reported today and
 * who missed a day.
 */
@Path("/console/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertPages {

    static final List<String> LEVELS = List.of("elevated", "high", "highest");

    /** The declaration form as typed; {@code errors} maps a field to why it was refused. */
    public record AlertForm(String name, String from, String to, String level, boolean allIsps, boolean allAgencies,
            List<String> isps, List<String> agencies, String enforcementDeadlineMinutes,
            String applianceSilenceMinutes, Map<String, String> errors) {

        static final AlertForm BLANK = new AlertForm("", "", "", "high", true, false, List.of(), List.of(), "", "",
                Map.of());

        static AlertForm read(MultivaluedMap<String, String> form) {
            return new AlertForm(text(form, "name"), text(form, "from"), text(form, "to"), text(form, "level"),
                    form.containsKey("allIsps"), form.containsKey("allAgencies"), form.getOrDefault("isp", List.of()),
                    form.getOrDefault("agency", List.of()), text(form, "enforcementDeadlineMinutes"),
                    text(form, "applianceSilenceMinutes"), Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean listsIsp(String isp) {
            return isps.contains(isp);
        }

        public boolean listsAgency(String agency) {
            return agencies.contains(agency);
        }

        AlertForm withErrors(Map<String, String> refused) {
            Map<String, String> all = new LinkedHashMap<>(errors);
            refused.forEach(all::putIfAbsent);
            return new AlertForm(name, from, to, level, allIsps, allAgencies, isps, agencies,
                    enforcementDeadlineMinutes, applianceSilenceMinutes, Map.copyOf(all));
        }
    }

    /** The situation report form as typed. */
    public record SituationForm(boolean noIncident, String summary) {

        static final SituationForm BLANK = new SituationForm(true, "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<AlertPeriodView> periods);

        static native TemplateInstance declare(PageContext page, AlertForm form, List<String> levels,
                List<IspView> isps, List<AgencyView> agencies, Problem refusal);

        static native TemplateInstance period(PageContext page, AlertPeriodView period, LocalDate today,
                List<SituationReportView> reportedToday, List<SituationReportView> missed, SituationForm situationForm,
                String done, Problem refusal);
    }

    private final Visit visit;
    private final AlertPeriodService periods;
    private final IspService isps;
    private final AgencyService agencies;
    private final Validator validator;
    private final Clock clock;

    public AlertPages(Visit visit, AlertPeriodService periods, IspService isps, AgencyService agencies,
            Validator validator, Clock clock) {
        this.visit = visit;
        this.periods = periods;
        this.isps = isps;
        this.agencies = agencies;
        this.validator = validator;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance list() {
        return visit.localized(Templates.list(visit.context(), periods.list(visit.actor())));
    }

    @GET
    @Path("/new")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance declareForm() {
        return declarePage(AlertForm.BLANK, null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response declare(MultivaluedMap<String, String> body) {
        AlertForm typed = AlertForm.read(body);
        visit.showing("/console/alerts/new");
        ZoneId zone = visit.context().zone();
        Map<String, String> refused = new LinkedHashMap<>();
        String unreadable = MessageBundles.get(ConsoleMessages.class,
                Localized.Literal.of(visit.locale().toLanguageTag())).invalidValue();
        Instant from = instant(typed.from(), zone, "from", unreadable, refused);
        Instant to = instant(typed.to(), zone, "to", unreadable, refused);
        Integer deadline = minutes(typed.enforcementDeadlineMinutes(), "enforcementDeadlineMinutes", unreadable,
                refused);
        Integer silence = minutes(typed.applianceSilenceMinutes(), "applianceSilenceMinutes", unreadable, refused);
        AlertPeriodInput input = new AlertPeriodInput(typed.name(), from, to, typed.level(),
                new AlertPeriodInput.Audience(typed.allIsps(), typed.allAgencies(), typed.isps(), typed.agencies()),
                deadline, silence);
        for (ConstraintViolation<AlertPeriodInput> v : validator.validate(input)) {
            String path = v.getPropertyPath().toString();
            int bracket = path.indexOf('[');
            refused.putIfAbsent(bracket < 0 ? path : path.substring(0, bracket), FormChecks.message(v, visit.locale()));
        }
        if (!refused.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(declarePage(typed.withErrors(refused), null)).build();
        }
        try {
            AlertPeriodView declared = periods.declare(input, visit.actor());
            return Response.seeOther(URI.create("/console/alerts/" + declared.id() + "?done=declared")).build();
        } catch (ProblemException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.violations().stream().filter(v -> v.field() != null)
                    .forEach(v -> fields.putIfAbsent(v.field(), v.message()));
            return FormChecks.refused(e, declarePage(typed.withErrors(fields), e.toProblem()));
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance period(@PathParam("id") long id, @QueryParam("done") String done) {
        return periodPage(id, SituationForm.BLANK, done, null);
    }

    @POST
    @Path("/{id}/situation-report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public Response reportSituation(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        SituationForm typed = new SituationForm(form.containsKey("noIncident"),
                form.getFirst("summary") == null ? "" : form.getFirst("summary").strip());
        return FormChecks.afterChange(() -> {
            periods.reportSituation(id, RecipientScope.own(visit.actor())
                    .orElseThrow(() -> ProblemException.notFound("Alert period", id)), FormChecks.valid(validator,
                    new SituationReportInput(null, typed.noIncident(), DraftForm.blankToNull(typed.summary())),
                    visit.locale()), visit.actor());
            return "/console/alerts/" + id + "?done=situation-reported";
        }, refusal -> {
            visit.showing("/console/alerts/" + id);
            return periodPage(id, typed, null, refusal);
        });
    }

    private TemplateInstance periodPage(long id, SituationForm situationForm, String done, Problem refusal) {
        var actor = visit.actor();
        AlertPeriodView period = periods.get(id, actor);
        LocalDate today = LocalDate.ofInstant(clock.instant(), visit.context().zone());
        List<SituationReportView> days = RecipientScope.readsEveryRecipient(actor)
                ? periods.situationReports(id, actor) : List.of();
        return visit.localized(Templates.period(visit.context(), period, today,
                days.stream().filter(d -> d.day().equals(today)).toList(),
                days.stream().filter(d -> d.state().equals("missed")).toList(), situationForm, done, refusal));
    }

    private TemplateInstance declarePage(AlertForm form, Problem refusal) {
        return visit.localized(Templates.declare(visit.context(), form, LEVELS, isps.list(visit.actor()),
                agencies.list(visit.actor()), refusal));
    }

    private static Instant instant(String text, ZoneId zone, String field, String unreadable,
            Map<String, String> refused) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            refused.put(field, unreadable);
            return null;
        }
    }

    private static Integer minutes(String text, String field, String unreadable, Map<String, String> refused) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            refused.put(field, unreadable);
            return null;
        }
    }

    private static String text(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.strip();
    }
}
