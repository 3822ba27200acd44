package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.directive.DirectiveStatus;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspView;
import org.interdict.lookup.LookupService;
import org.interdict.lookup.dto.LookupAnswer;
import org.interdict.paging.QueryParams;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.security.IspVisibility;
import org.interdict.security.Roles;

/**
 * "Why is this blocked?": a name, URL or address looked up in an ISP's rule set, now or at a past instant typed in
 * the console's time zone, answered with the orders behind the matching rules. The same checks as GET /api/v1/lookup.
 */
@Path("/console/lookup")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
public class LookupPage {

    /** The question as the form sent it; {@code isp} defaults to the engineer's own. */
    public record Question(String q, String isp, String at) {}

    /** The status of a directive the answer names, to be shown in words as on the other pages. */
    @TemplateExtension
    static DirectiveStatus directiveStatus(LookupAnswer.DirectiveRef directive) {
        return DirectiveStatus.valueOf(directive.status());
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(PageContext page, Question question, List<IspView> isps,
                LookupAnswer answer, Problem refusal);
    }

    private final Visit visit;
    private final LookupService lookups;
    private final RuleSetQueries rulesets;
    private final IspService isps;
    private final Clock clock;

    public LookupPage(Visit visit, LookupService lookups, RuleSetQueries rulesets, IspService isps, Clock clock) {
        this.visit = visit;
        this.lookups = lookups;
        this.rulesets = rulesets;
        this.isps = isps;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public Response lookup(@QueryParam("q") String q, @QueryParam("isp") String isp, @QueryParam("at") String at) {
        PageContext page = visit.context();
        Question question = new Question(q, isp == null ? visit.actor().isp() : isp, at);
        List<IspView> choices = isps.list(visit.actor());
        if (q == null) {
            return Response.ok(visit.localized(Templates.lookup(page, question, choices, null, null))).build();
        }
        try {
            String ispId = QueryParams.text(question.isp());
            if (ispId == null) {
                throw ProblemException.invalid("isp", "required", "isp names the ISP whose rule set answers");
            }
            Instant typed = FormChecks.read("at", at, t -> LocalDateTime.parse(t).atZone(page.zone()).toInstant());
            Instant instant = typed == null ? null : QueryParams.pastInstant("at", typed.toString(), clock.instant());
            IspVisibility.requireRead(visit.actor(), ispId);
            rulesets.requireIsp(ispId);
            LookupAnswer answer = lookups.lookup(q, ispId, instant);
            return Response.ok(visit.localized(Templates.lookup(page, question, choices, answer, null))).build();
        } catch (ProblemException e) {
            return Response.status(e.category().status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(visit.localized(Templates.lookup(page, question, choices, null, e.toProblem()))).build();
        }
    }
}
