package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.directive.DirectiveLifecycle;
import org.interdict.directive.DirectiveListing;
import org.interdict.directive.DirectiveService;
import org.interdict.directive.DirectiveTargets;
import org.interdict.directive.dto.Decision;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.Rejection;
import org.interdict.directive.dto.TargetView;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.ruleset.RulesetChange;
import org.interdict.ruleset.dto.PreviewView;
import org.interdict.security.Roles;

/**
 * The supervisor's review: the queue of their authority's directives pending approval, the longest waiting first, and
 * the review page of one, where every target a guard flagged is confirmed explicitly (sent as
 * {@code confirmFlaggedTargets}) before approving, or the directive is rejected with a reason. The same
 * {@link DirectiveLifecycle} decides as for the API, so four eyes, scope and authority are its refusals, shown in words.
 */
@Path("/console/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    /** Flagged targets are confirmed on one page: as many as an approval may have to list. */
    static final int MAX_FLAGGED = 1000;

    /** A directive in the queue: how long it has waited since it was submitted and how many targets it holds. */
    public record Waiting(DirectiveView directive, Age age, int targets) {}

    /** A waiting time, in whole days, hours and minutes. */
    public record Age(long days, int hours, int minutes) {

        static Age between(Instant since, Instant now) {
            Duration waited = since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
            return new Age(waited.toDays(), waited.toHoursPart(), waited.toMinutesPart());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(PageContext page, List<Waiting> waiting, String nextLink, String done,
                DirectiveView decided);

        static native TemplateInstance review(PageContext page, DirectiveView directive, Page<TargetView> flagged,
                Page<TargetView> targets, String moreTargets, PreviewView preview, Problem refusal);
    }

    private final Visit visit;
    private final DirectiveListing listing;
    private final DirectiveService directives;
    private final DirectiveLifecycle lifecycle;
    private final DirectiveTargets targets;
    private final ImpactPreview preview;
    private final Validator validator;
    private final Event<RulesetChange> changes;
    private final Clock clock;

    public ReviewPages(Visit visit, DirectiveListing listing, DirectiveService directives, DirectiveLifecycle lifecycle,
            DirectiveTargets targets, ImpactPreview preview, Validator validator, Event<RulesetChange> changes,
            Clock clock) {
        this.visit = visit;
        this.listing = listing;
        this.directives = directives;
        this.lifecycle = lifecycle;
        this.targets = targets;
        this.preview = preview;
        this.validator = validator;
        this.changes = changes;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("cursor") String cursor, @QueryParam("done") String done,
            @QueryParam("directive") Long decidedId) {
        Page<DirectiveView> pending = listing.awaitingApproval(visit.actor().authority(), cursor,
                DirectivePages.PAGE_SIZE, visit.actor());
        Map<Long, Integer> counts = targets.counts(pending.items().stream().map(DirectiveView::id).toList());
        Instant now = clock.instant();
        List<Waiting> waiting = pending.items().stream()
                .map(d -> new Waiting(d, Age.between(d.submitted() == null ? null : d.submitted().at(), now),
                        counts.getOrDefault(d.id(), 0)))
                .toList();
        String next = pending.nextCursor() == null ? null : "/console/review?cursor=" + pending.nextCursor();
        DirectiveView decided = decidedId == null ? null : directives.get(decidedId, visit.actor());
        return visit.localized(Templates.queue(visit.context(), waiting, next, done, decided));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance review(@PathParam("id") long id, @QueryParam("targets") String targetCursor) {
        return reviewPage(id, targetCursor, null);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return decide(id, "approved", () -> {
            DirectiveView approved = lifecycle.approve(id, new Decision(confirmed(form), form.getFirst("comment")),
                    visit.actor());
            // Wakes the compiler once the approval has committed, as the REST resource does.
            changes.fire(new RulesetChange(approved.id(), "approved"));
            return approved;
        });
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response reject(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return decide(id, "rejected", () -> lifecycle.reject(id,
                FormChecks.valid(validator, new Rejection(form.getFirst("reason")), visit.locale()), visit.actor()));
    }

    /** The ids of the flagged targets ticked; an id that is no number is refused as the API refuses one. */
    private static List<Long> confirmed(MultivaluedMap<String, String> form) {
        try {
            return form.getOrDefault("confirm", List.of()).stream().map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("confirmFlaggedTargets", "invalid-value", "Target ids are numbers");
        }
    }

    /** Decides, then goes back to the queue; a refusal is shown on the review page with the API's status. */
    private Response decide(long id, String action, Supplier<DirectiveView> decision) {
        return FormChecks.afterChange(() -> "/console/review?done=" + action + "&directive=" + decision.get().id(),
                refusal -> {
                    visit.showing("/console/review/" + id);
                    return reviewPage(id, null, refusal);
                });
    }

    private TemplateInstance reviewPage(long id, String targetCursor, Problem refusal) {
        DirectiveView d = directives.get(id, visit.actor());
        Page<TargetView> flagged = targets.list(id, null, true, null, MAX_FLAGGED);
        Page<TargetView> page = targets.list(id, null, null, Cursors.decode(targetCursor), DirectivePages.PAGE_SIZE);
        String more = page.nextCursor() == null ? null : "/console/review/" + id + "?targets=" + page.nextCursor();
        PageContext context = visit.context();
        return visit.localized(Templates.review(context, d, flagged, page, more, preview.of(d, context), refusal));
    }
}
