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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.allowlist.AllowlistService;
import org.interdict.allowlist.dto.AllowEntryInput;
import org.interdict.allowlist.dto.AllowEntryView;
import org.interdict.allowlist.dto.AllowImportResult;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.security.Roles;

/**
 * The allowlist: the names and addresses no directive may block. Everyone who may read it through the API searches
 * it here; supervisors and administrators add an entry, import a list ({@code <entry> <reason>} a line, as the API
 * takes it) or remove one, through the same {@link AllowlistService}.
 */
@Path("/console/allowlist")
@Produces(MediaType.TEXT_HTML)
public class AllowlistPages {

    /** What was typed into the add or import form, shown again beside a refusal. */
    public record Typed(String value, String reason, String source, String lines, boolean skipInvalid) {

        static final Typed EMPTY = new Typed(null, null, null, null, false);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance allowlist(PageContext page, boolean manages, String q,
                Page<AllowEntryView> entries, String nextLink, String done, AllowImportResult imported, Typed typed,
                Problem refusal);
    }

    private final Visit visit;
    private final AllowlistService allowlist;
    private final Validator validator;

    public AllowlistPages(Visit visit, AllowlistService allowlist, Validator validator) {
        this.visit = visit;
        this.allowlist = allowlist;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance allowlist(@QueryParam("q") String q, @QueryParam("cursor") String cursor,
            @QueryParam("done") String done) {
        return page(q, cursor, done, null, Typed.EMPTY, null);
    }

    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response add(MultivaluedMap<String, String> form) {
        Typed typed = new Typed(form.getFirst("value"), form.getFirst("reason"), form.getFirst("source"), null, false);
        try {
            AllowEntryInput input = FormChecks.valid(validator, new AllowEntryInput(typed.value(), typed.reason(),
                    FormChecks.read("source", typed.source(), text -> text)), visit.locale());
            AllowEntryView added = allowlist.add(input.value(), input.reason(), input.source(), visit.actor());
            return Response.seeOther(URI.create("/console/allowlist?done=added&q="
                    + URLEncoder.encode(added.value(), StandardCharsets.UTF_8))).build();
        } catch (ProblemException e) {
            return refused(e, typed);
        }
    }

    /** An import answers with its counts on the page itself: they are the result, not a state to return to. */
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response importList(MultivaluedMap<String, String> form) {
        Typed typed = new Typed(null, null, form.getFirst("source"), form.getFirst("lines"),
                form.containsKey("skipInvalid"));
        try {
            if (typed.lines() == null || typed.lines().isBlank()) {
                throw ProblemException.invalid("lines", "required", "the list to import is empty");
            }
            AllowImportResult imported = allowlist.importText(typed.lines(),
                    FormChecks.read("source", typed.source(), text -> text), typed.skipInvalid(), visit.actor());
            return Response.ok(page(null, null, "imported", imported, Typed.EMPTY, null)).build();
        } catch (ProblemException e) {
            return refused(e, typed);
        }
    }

    @POST
    @Path("/{id}/remove")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response remove(@PathParam("id") long id) {
        try {
            allowlist.delete(id, visit.actor());
            return Response.seeOther(URI.create("/console/allowlist?done=removed")).build();
        } catch (ProblemException e) {
            return refused(e, Typed.EMPTY);
        }
    }

    private Response refused(ProblemException e, Typed typed) {
        return Response.status(e.category().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(null, null, null, null, typed, e.toProblem())).build();
    }

    private TemplateInstance page(String q, String cursor, String done, AllowImportResult imported, Typed typed,
            Problem refusal) {
        String search = q == null || q.isBlank() ? null : q.strip();
        Page<AllowEntryView> entries = allowlist.list(null, search, Cursors.decode(cursor), DirectivePages.PAGE_SIZE);
        String next = entries.nextCursor() == null ? null : "/console/allowlist?cursor=" + entries.nextCursor()
                + (search == null ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        PageContext context = visit.context();
        boolean manages = context.supervisor() || context.caller().roles().contains(Roles.ADMIN);
        return visit.localized(Templates.allowlist(context, manages, search, entries, next, done, imported, typed,
                refusal));
    }
}
