package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.directive.DirectiveService;
import org.interdict.directive.DirectiveStatus;

/**
 * The page a browser lands on: a dashboard by role. Officers see their authority's directives counted by status,
 * supervisors how many wait for their approval, others links to what they may do. Signing in is not done here: the
 * path is {@code authenticated} (quarkus.http.auth.permission.pages), so a browser without a session is sent to the
 * identity provider before this runs. Not part of the API document.
 */
@Path("/")
public class HomePage {

    /** One row of the officer's table: a status and how many of the authority's directives have it. */
    public record StatusCount(DirectiveStatus status, long count) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PageContext page, List<StatusCount> counts, long pending);
    }

    private final Visit visit;
    private final DirectiveService directives;

    public HomePage(Visit visit, DirectiveService directives) {
        this.visit = visit;
        this.directives = directives;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance home() {
        Map<DirectiveStatus, Long> counts = directives.countsOfOwnAuthority(visit.actor());
        List<StatusCount> rows = Arrays.stream(DirectiveStatus.values())
                .map(status -> new StatusCount(status, counts.getOrDefault(status, 0L)))
                .toList();
        return visit.localized(Templates.home(visit.context(), rows,
                counts.getOrDefault(DirectiveStatus.PENDING_APPROVAL, 0L)));
    }
}
