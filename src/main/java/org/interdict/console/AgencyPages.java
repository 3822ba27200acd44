package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.agency.AgencyService;
import org.interdict.agency.dto.AgencyInput;
import org.interdict.agency.dto.AgencyView;
import org.interdict.authority.AuthorityFilter;
import org.interdict.authority.AuthorityService;
import org.interdict.authority.dto.AuthorityView;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.security.Roles;

/**
 * The administrator's register of agencies, beside the ISPs and authorities: register one, correct its names, the
 * authority it answers to, its contact points (one a line, {@code department; phone; email}) and whether it is
 * active. Forms are read into the API's {@link AgencyInput} and handed to the same {@link AgencyService}.
 */
@Path("/console/admin/agencies")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AgencyPages {

    /** An agency form as typed (or as registered, for editing). */
    public record AgencyForm(String id, String nameVi, String nameEn, String authority, String contacts,
            boolean active, Integer version) {

        static final AgencyForm EMPTY = new AgencyForm(null, null, null, null, null, true, null);

        static AgencyForm of(AgencyView a) {
            String contacts = String.join("\n", a.contacts().stream().map(p -> String.join("; ",
                    FormChecks.blank(p.department()), FormChecks.blank(p.phone()), FormChecks.blank(p.email()))).toList());
            return new AgencyForm(a.id(), a.nameVi(), a.nameEn(), a.authority(), contacts, a.active(), a.version());
        }

        static AgencyForm of(MultivaluedMap<String, String> form) {
            return new AgencyForm(FormChecks.field(form, "id"), FormChecks.field(form, "nameVi"), FormChecks.field(form, "nameEn"),
                    FormChecks.field(form, "authority"), FormChecks.field(form, "contacts"), form.containsKey("active"),
                    FormChecks.read("version", form.getFirst("version"), Integer::valueOf));
        }

        AgencyForm active(boolean isActive) {
            return new AgencyForm(id, nameVi, nameEn, authority, contacts, isActive, version);
        }

        AgencyInput input() {
            List<AgencyInput.ContactPointInput> points = FormChecks.lines(contacts).stream().map(line -> {
                String[] split = line.split(";", -1);
                if (split.length > 3) {
                    throw ProblemException.invalid("contacts", "invalid-value",
                            "'" + line + "' is not 'department; phone; email'");
                }
                String[] parts = Arrays.copyOf(split, 3);
                return new AgencyInput.ContactPointInput(FormChecks.strip(parts[0]), FormChecks.strip(parts[1]), FormChecks.strip(parts[2]));
            }).toList();
            return new AgencyInput(id, nameVi, nameEn, authority, points, active);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agencies(PageContext page, List<AgencyView> agencies, AgencyForm form,
                List<AuthorityView> authorities, String done, String subject, Problem refusal);

        static native TemplateInstance agency(PageContext page, String id, AgencyForm form,
                List<AuthorityView> authorities, Problem refusal);
    }

    private final Visit visit;
    private final AgencyService agencies;
    private final AuthorityService authorities;
    private final Validator validator;

    public AgencyPages(Visit visit, AgencyService agencies, AuthorityService authorities, Validator validator) {
        this.visit = visit;
        this.agencies = agencies;
        this.authorities = authorities;
        this.validator = validator;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance agencies(@QueryParam("done") String done, @QueryParam("id") String subject) {
        return agenciesPage(AgencyForm.EMPTY, done, subject, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response register(MultivaluedMap<String, String> form) {
        // The registration form has no "active" box: a new agency is active, as the API makes one left unsaid.
        AgencyForm typed = AgencyForm.of(form).active(true);
        return FormChecks.afterChange(() -> {
            AgencyView created = agencies.create(FormChecks.valid(validator, typed.input(), visit.locale()),
                    visit.actor());
            return "/console/admin/agencies?done=agency-registered&id=" + created.id();
        }, refusal -> agenciesPage(typed, null, null, refusal));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance agency(@PathParam("id") String id) {
        return agencyPage(id, AgencyForm.of(agencies.get(id, visit.actor())), null);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response replace(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        AgencyForm typed = AgencyForm.of(form);
        return FormChecks.afterChange(() -> {
            agencies.replace(id, FormChecks.valid(validator, typed.input(), visit.locale()), typed.version(),
                    visit.actor());
            return "/console/admin/agencies?done=agency-updated&id=" + id;
        }, refusal -> {
            visit.showing("/console/admin/agencies/" + id);
            return agencyPage(id, typed, refusal);
        });
    }

    private TemplateInstance agenciesPage(AgencyForm form, String done, String subject, Problem refusal) {
        return visit.localized(Templates.agencies(visit.context(), agencies.list(visit.actor()), form,
                authorityChoices(), done, subject, refusal));
    }

    private TemplateInstance agencyPage(String id, AgencyForm form, Problem refusal) {
        return visit.localized(Templates.agency(visit.context(), id, form, authorityChoices(), refusal));
    }

    private List<AuthorityView> authorityChoices() {
        return authorities.list(new AuthorityFilter(null, null, null), visit.actor());
    }
}
