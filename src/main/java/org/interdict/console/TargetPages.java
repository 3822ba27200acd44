package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.directive.DirectiveService;
import org.interdict.directive.DirectiveStatus;
import org.interdict.directive.DirectiveTargets;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.TargetImportResult;
import org.interdict.directive.dto.TargetView;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.ruleset.dto.PreviewView;
import org.interdict.security.Roles;
import org.interdict.target.GuardFinding;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The targets of a directive, and for a draft the officer's import: a pasted list or an uploaded file, read by the
 * same {@link DirectiveTargets#importText} as the API's text import. A refused batch comes back with the text as sent
 * and every refused line in a table; a line a guard flags gets a field for its justification, written into the text
 * as the import reads it ({@code # justification: ...}). The impact preview is shown below the targets.
 */
@Path("/console/directives/{id}/targets")
@Produces(MediaType.TEXT_HTML)
public class TargetPages {

    /** What an import reported, for the notice after the redirect. */
    public record Imported(int imported, int flagged, int alreadyPresent, int skipped) {}

    /** The import form as sent: its text, and the refused lines of the last try. */
    public record Batch(String text, boolean skipInvalid, List<RefusedLine> refused, int totalRefused) {

        static Batch blank() {
            return new Batch("", false, List.of(), 0);
        }
    }

    /** A refused line; {@code guard} when a justification would let it through. */
    public record RefusedLine(int line, String input, String code, String message, String hint, boolean guard,
            String justification) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance targets(PageContext page, DirectiveView directive, Page<TargetView> targets,
                String moreTargets, Imported imported, boolean removed, Batch batch, Problem refusal,
                PreviewView preview);
    }

    private final Visit visit;
    private final DirectiveService directives;
    private final DirectiveTargets targets;
    private final ImpactPreview preview;

    public TargetPages(Visit visit, DirectiveService directives, DirectiveTargets targets, ImpactPreview preview) {
        this.visit = visit;
        this.directives = directives;
        this.targets = targets;
        this.preview = preview;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    @Operation(hidden = true)
    public TemplateInstance targets(@PathParam("id") long id, @QueryParam("targets") String cursor,
            @QueryParam("imported") Integer imported, @QueryParam("flagged") Integer flagged,
            @QueryParam("alreadyPresent") Integer alreadyPresent, @QueryParam("skipped") Integer skipped,
            @QueryParam("removed") boolean removed) {
        Imported done = imported == null ? null : new Imported(imported, orZero(flagged), orZero(alreadyPresent),
                orZero(skipped));
        return page(id, cursor, done, removed, Batch.blank(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response paste(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String text = withJustifications(form.getFirst("text") == null ? "" : form.getFirst("text"), form);
        return importText(id, text, "on".equals(form.getFirst("skipInvalid")));
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file,
            @RestForm("skipInvalid") String skipInvalid) {
        if (file == null || file.size() == 0) {
            ProblemException empty = ProblemException.invalid("file", "empty-upload", "The file is empty or missing");
            return refused(id, new Batch("", "on".equals(skipInvalid), List.of(), 0), empty);
        }
        try {
            return importText(id, Files.readString(file.uploadedFile(), StandardCharsets.UTF_8),
                    "on".equals(skipInvalid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("/{targetId}/remove")
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response remove(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        try {
            targets.delete(id, targetId, visit.actor());
            return Response.seeOther(URI.create("/console/directives/" + id + "/targets?removed=true")).build();
        } catch (ProblemException e) {
            return refused(id, Batch.blank(), e);
        }
    }

    private Response importText(long id, String text, boolean skipInvalid) {
        try {
            TargetImportResult result = targets.importText(id, text, skipInvalid, visit.actor());
            return Response.seeOther(URI.create("/console/directives/" + id + "/targets?imported=" + result.imported()
                    + "&flagged=" + result.flagged() + "&alreadyPresent=" + result.alreadyPresent() + "&skipped="
                    + result.skippedTotal())).build();
        } catch (ProblemException e) {
            List<RefusedLine> lines = e.violations().stream()
                    .filter(v -> v.line() != null)
                    .map(v -> new RefusedLine(v.line(), v.input(), v.code(), v.message(), v.hint(),
                            GuardFinding.isGuard(v.code()), ""))
                    .toList();
            Integer total = e.toProblem().totalViolations();
            return refused(id, new Batch(text, skipInvalid, lines, total == null ? lines.size() : total), e);
        }
    }

    /**
     * The pasted text with each justification typed beside a refused line ({@code justify-<line>}) written into that
     * line, so that the text shown again says what was sent.
     */
    private static String withJustifications(String text, MultivaluedMap<String, String> form) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String justification = form.getFirst("justify-" + (i + 1));
            if (justification != null && !justification.isBlank() && !lines[i].isBlank()) {
                lines[i] = DirectiveTargets.justified(lines[i], justification);
            }
        }
        return String.join("\n", lines);
    }

    private Response refused(long id, Batch batch, ProblemException e) {
        visit.showing("/console/directives/" + id + "/targets");
        return Response.status(e.category().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(id, null, null, false, batch, e.toProblem())).build();
    }

    private TemplateInstance page(long id, String cursor, Imported imported, boolean removed, Batch batch,
            Problem refusal) {
        DirectiveView d = directives.get(id, visit.actor());
        Page<TargetView> list = targets.list(id, null, null, Cursors.decode(cursor), DirectivePages.PAGE_SIZE);
        String more = list.nextCursor() == null ? null
                : "/console/directives/" + id + "/targets?targets=" + list.nextCursor();
        return visit.localized(Templates.targets(visit.context(), d, list, more, imported, removed, batch, refusal,
                preview.of(d, visit.context())));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
