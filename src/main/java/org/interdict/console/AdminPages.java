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
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.authority.AuthorityFilter;
import org.interdict.authority.AuthorityLevel;
import org.interdict.authority.AuthorityService;
import org.interdict.authority.dto.AuthorityInput;
import org.interdict.authority.dto.AuthorityView;
import org.interdict.category.ReasonCategory;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspCreate;
import org.interdict.isp.dto.IspPatch;
import org.interdict.isp.dto.IspView;
import org.interdict.security.Roles;
import org.interdict.signing.SigningKeys;

/**
 * The administrator's registers: ISPs (register, correct their names and contact), authorities (register, replace
 * with the registry's validation, link the directives recorded before the registry) and the signing keys, read-only.
 * Forms are read into the API's requests and handed to the same services; a refusal is shown beside the form with
 * what was typed, so nothing is lost.
 */
@Path("/console/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {

    /** An ISP form as typed (or as registered, for editing). */
    public record IspForm(String id, String legalName, String licenceNumber, String department, String phone,
            String email, boolean active) {

        static final IspForm EMPTY = new IspForm(null, null, null, null, null, null, true);

        static IspForm of(IspView isp) {
            var contact = isp.contact();
            return new IspForm(isp.id(), isp.legalName(), isp.licenceNumber(), contact == null ? null
                    : contact.department(), contact == null ? null : contact.phone(), contact == null ? null
                    : contact.email(), isp.active());
        }

        static IspForm of(MultivaluedMap<String, String> form) {
            return new IspForm(FormChecks.field(form, "id"), FormChecks.field(form, "legalName"), FormChecks.field(form, "licenceNumber"),
                    FormChecks.field(form, "department"), FormChecks.field(form, "phone"), FormChecks.field(form, "email"), form.containsKey("active"));
        }

        IspCreate.ContactInput contact() {
            return new IspCreate.ContactInput(department, phone, email);
        }
    }

    /**
     * An authority form as typed. Contacts are written one a line as {@code department; phone; email}, aliases one a
     * line; no category ticked means every category, as a scope without categories does in the API.
     */
    public record AuthorityForm(String id, String nameVi, String nameEn, String level, String parent,
            String jurisdiction, String contacts, String aliases, List<String> categories, boolean allIsps,
            List<String> isps, boolean active, Integer version) {

        static final AuthorityForm EMPTY = new AuthorityForm(null, null, null, AuthorityLevel.PROVINCIAL.name(), null,
                null, null, null, List.of(), true, List.of(), true, null);

        static AuthorityForm of(AuthorityView a) {
            String contacts = String.join("\n", a.contacts().stream().map(p -> String.join("; ", FormChecks.blank(p.department()),
                    FormChecks.blank(p.phone()), FormChecks.blank(p.email()))).toList());
            List<String> categories = a.scope().categories() == null ? List.of()
                    : a.scope().categories().stream().map(ReasonCategory::code).toList();
            return new AuthorityForm(a.id(), a.nameVi(), a.nameEn(), a.level().name(),
                    a.parent() == null ? null : a.parent().id(), a.jurisdiction(), contacts,
                    String.join("\n", a.aliases()), categories, a.scope().allIsps(), a.scope().isps(), a.active(),
                    a.version());
        }

        static AuthorityForm of(MultivaluedMap<String, String> form) {
            return new AuthorityForm(FormChecks.field(form, "id"), FormChecks.field(form, "nameVi"), FormChecks.field(form, "nameEn"),
                    FormChecks.field(form, "level"), FormChecks.field(form, "parent"), FormChecks.field(form, "jurisdiction"), FormChecks.field(form, "contacts"),
                    FormChecks.field(form, "aliases"), form.getOrDefault("category", List.of()), form.containsKey("allIsps"),
                    form.getOrDefault("isp", List.of()), form.containsKey("active"),
                    FormChecks.read("version", form.getFirst("version"), Integer::valueOf));
        }

        AuthorityInput input() {
            List<AuthorityInput.ContactPointInput> points = FormChecks.lines(contacts).stream().map(line -> {
                String[] split = line.split(";", -1);
                String[] parts = Arrays.copyOf(split, 3);
                if (split.length > 3) {
                    throw ProblemException.invalid("contacts", "invalid-value",
                            "'" + line + "' is not 'department; phone; email'");
                }
                return new AuthorityInput.ContactPointInput(FormChecks.strip(parts[0]), FormChecks.strip(parts[1]), FormChecks.strip(parts[2]));
            }).toList();
            return new AuthorityInput(id, nameVi, nameEn, FormChecks.read("level", level, AuthorityLevel::valueOf),
                    parent, jurisdiction, points, FormChecks.lines(aliases), new AuthorityInput.ScopeInput(
                            categories.isEmpty() ? null : categories, allIsps, isps), active);
        }

        public boolean hasCategory(String code) {
            return categories.contains(code);
        }

        public boolean hasIsp(String isp) {
            return isps != null && isps.contains(isp);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance isps(PageContext page, List<IspView> isps, IspForm form, String done,
                String subject, Problem refusal);

        static native TemplateInstance isp(PageContext page, String id, IspForm form, Problem refusal);

        static native TemplateInstance authorities(PageContext page, List<AuthorityView> authorities,
                AuthorityForm form, List<ReasonCategory> categories, List<IspView> isps, List<AuthorityView> nationals,
                String done, String subject, Integer linked, Problem refusal);

        static native TemplateInstance authority(PageContext page, String id, AuthorityForm form,
                List<ReasonCategory> categories, List<IspView> isps, List<AuthorityView> nationals, Problem refusal);

        static native TemplateInstance keys(PageContext page, List<SigningKeys.PublishedKey> keys);
    }

    private final Visit visit;
    private final IspService isps;
    private final AuthorityService authorities;
    private final SigningKeys keys;
    private final Validator validator;

    public AdminPages(Visit visit, IspService isps, AuthorityService authorities, SigningKeys keys,
            Validator validator) {
        this.visit = visit;
        this.isps = isps;
        this.authorities = authorities;
        this.keys = keys;
        this.validator = validator;
    }

    // ISPs

    @GET
    @Path("/isps")
    @Operation(hidden = true)
    public TemplateInstance isps(@QueryParam("done") String done, @QueryParam("id") String subject) {
        return ispsPage(IspForm.EMPTY, done, subject, null);
    }

    @POST
    @Path("/isps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response registerIsp(MultivaluedMap<String, String> form) {
        IspForm typed = IspForm.of(form);
        return act(() -> {
            IspView created = isps.create(FormChecks.valid(validator, new IspCreate(typed.id(), typed.legalName(),
                    typed.licenceNumber(), typed.contact(), true), visit.locale()), visit.actor());
            return "/console/admin/isps?done=isp-registered&id=" + created.id();
        }, refusal -> ispsPage(typed, null, null, refusal));
    }

    @GET
    @Path("/isps/{id}")
    @Operation(hidden = true)
    public TemplateInstance isp(@PathParam("id") String id) {
        return visit.localized(Templates.isp(visit.context(), id, IspForm.of(isps.get(id, visit.actor())), null));
    }

    @POST
    @Path("/isps/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response editIsp(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        IspForm typed = IspForm.of(form);
        return act(() -> {
            isps.patch(id, FormChecks.valid(validator, new IspPatch(typed.legalName(), typed.licenceNumber(),
                    typed.contact(), typed.active()), visit.locale()), visit.actor());
            return "/console/admin/isps?done=isp-updated&id=" + id;
        }, refusal -> visit.localized(Templates.isp(visit.context(), id, typed, refusal)));
    }

    // Authorities

    @GET
    @Path("/authorities")
    @Operation(hidden = true)
    public TemplateInstance authorities(@QueryParam("done") String done, @QueryParam("id") String subject,
            @QueryParam("linked") Integer linked) {
        return authoritiesPage(AuthorityForm.EMPTY, done, subject, linked, null);
    }

    @POST
    @Path("/authorities")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response registerAuthority(MultivaluedMap<String, String> form) {
        AuthorityForm typed = AuthorityForm.of(form);
        return act(() -> {
            AuthorityView created = authorities.create(FormChecks.valid(validator, typed.input(), visit.locale()), visit.actor());
            return "/console/admin/authorities?done=authority-registered&id=" + created.id();
        }, refusal -> authoritiesPage(typed, null, null, null, refusal));
    }

    @GET
    @Path("/authorities/{id}")
    @Operation(hidden = true)
    public TemplateInstance authority(@PathParam("id") String id) {
        return authorityPage(id, AuthorityForm.of(authorities.get(id, visit.actor())), null);
    }

    @POST
    @Path("/authorities/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response replaceAuthority(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        AuthorityForm typed = AuthorityForm.of(form);
        return act(() -> {
            authorities.replace(id, FormChecks.valid(validator, typed.input(), visit.locale()), typed.version(), visit.actor());
            return "/console/admin/authorities?done=authority-updated&id=" + id;
        }, refusal -> authorityPage(id, typed, refusal));
    }

    @POST
    @Path("/authorities/{id}/link-legacy")
    @Operation(hidden = true)
    public Response linkLegacy(@PathParam("id") String id) {
        return act(() -> "/console/admin/authorities?done=legacy-linked&id=" + id + "&linked="
                + authorities.linkLegacy(id, visit.actor()).linked().size(),
                refusal -> authorityPage(id, AuthorityForm.of(authorities.get(id, visit.actor())), refusal));
    }

    // Signing keys

    @GET
    @Path("/keys")
    @Operation(hidden = true)
    public TemplateInstance keys() {
        return visit.localized(Templates.keys(visit.context(), keys.published()));
    }

    private TemplateInstance ispsPage(IspForm form, String done, String subject, Problem refusal) {
        return visit.localized(Templates.isps(visit.context(), isps.list(visit.actor()), form, done, subject,
                refusal));
    }

    private TemplateInstance authoritiesPage(AuthorityForm form, String done, String subject, Integer linked,
            Problem refusal) {
        var actor = visit.actor();
        return visit.localized(Templates.authorities(visit.context(),
                authorities.list(new AuthorityFilter(null, null, null), actor), form, categories(),
                isps.list(actor), nationals(), done, subject, linked, refusal));
    }

    private TemplateInstance authorityPage(String id, AuthorityForm form, Problem refusal) {
        return visit.localized(Templates.authority(visit.context(), id, form, categories(),
                isps.list(visit.actor()), nationals(), refusal));
    }

    /** The authorities a provincial one may relay. */
    private List<AuthorityView> nationals() {
        return authorities.list(new AuthorityFilter(AuthorityLevel.NATIONAL, null, null), visit.actor());
    }

    private static List<ReasonCategory> categories() {
        return List.of(ReasonCategory.values());
    }

    /** Changes, then goes where the change says; a refusal is shown with the API's status, the form as typed. */
    private static Response act(Supplier<String> change, Function<Problem, TemplateInstance> refused) {
        return FormChecks.afterChange(change, refused);
    }
}
