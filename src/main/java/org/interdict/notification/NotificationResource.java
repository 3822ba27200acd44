package org.interdict.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.config.InterdictConfig;
import org.interdict.notification.dto.NotificationDetail;
import org.interdict.notification.dto.NotificationView;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "The delivery log of e-mails and webhook calls, with every attempt")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY, Roles.OFFICER, Roles.SUPERVISOR})
public class NotificationResource {

    private final NotificationLog log;
    private final CurrentActor actor;
    private final InterdictConfig config;

    public NotificationResource(NotificationLog log, CurrentActor actor, InterdictConfig config) {
        this.log = log;
        this.actor = actor;
        this.config = config;
    }

    @GET
    @Operation(summary = "Notifications, newest first", description = "Filters combine: `cause` is a prefix "
            + "(`appeal:42:` for everything about appeal 42), `channel` EMAIL or WEBHOOK, `state` PENDING, DELIVERED "
            + "or FAILED. Administrators and auditors see every notification; engineers the webhook calls of their "
            + "ISP, officers and supervisors those of their authority.")
    public Page<NotificationView> list(@QueryParam("cause") String cause, @QueryParam("channel") String channel,
            @QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return log.list(QueryParams.text(cause), QueryParams.enumValue("channel", channel, Channel.class),
                QueryParams.enumValue("state", state, DeliveryState.class), Cursors.decode(cursor),
                Cursors.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit()), actor.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A notification with what it carries and every delivery attempt")
    public NotificationDetail get(@PathParam("id") long id) {
        return log.get(id, actor.get());
    }
}
