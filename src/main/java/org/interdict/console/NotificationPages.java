package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.notification.Channel;
import org.interdict.notification.DeliveryState;
import org.interdict.notification.NotificationLog;
import org.interdict.notification.dto.NotificationView;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.security.Roles;

/** The delivery log of e-mails and webhook calls, with the API's filters and cursor paging. */
@Path("/console/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class NotificationPages {

    /** The filters as the form sent them. */
    public record Filters(String cause, String channel, String state) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(PageContext page, Filters filters,
                Page<NotificationView> notifications, String nextLink, Problem refusal);
    }

    private final Visit visit;
    private final NotificationLog log;

    public NotificationPages(Visit visit, NotificationLog log) {
        this.visit = visit;
        this.log = log;
    }

    @GET
    @Operation(hidden = true)
    public Response notifications(@QueryParam("cause") String cause, @QueryParam("channel") String channel,
            @QueryParam("state") String state, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageContext page = visit.context();
        Filters filters = new Filters(cause, channel, state);
        try {
            Page<NotificationView> found = log.list(QueryParams.text(cause),
                    QueryParams.enumValue("channel", channel, Channel.class),
                    QueryParams.enumValue("state", state, DeliveryState.class), Cursors.decode(cursor),
                    DirectivePages.PAGE_SIZE, visit.actor());
            String next = found.nextCursor() == null ? null : "/console/notifications?" + uri.getRequestUriBuilder()
                    .replacePath("/console/notifications").replaceQueryParam("cursor", found.nextCursor()).build()
                    .getRawQuery();
            return Response.ok(visit.localized(Templates.notifications(page, filters, found, next, null))).build();
        } catch (ProblemException e) {
            return Response.status(e.category().status()).type(MediaType.TEXT_HTML_TYPE).entity(visit.localized(
                    Templates.notifications(page, filters, new Page<>(List.of(), null), null, e.toProblem())))
                    .build();
        }
    }
}
