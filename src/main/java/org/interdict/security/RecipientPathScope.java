package org.interdict.security;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request on a recipient's path ({@code .../recipients/{recipient}/...}, the recipient written
 * {@code isp:<id>} or {@code agency:<id>}) is refused with 404 before its body is read when the caller is confined
 * to another recipient, as {@link IspPathScope} does for ISPs' paths. Roles are checked before.
 */
public class RecipientPathScope {

    private final CurrentActor actor;

    public RecipientPathScope(CurrentActor actor) {
        this.actor = actor;
    }

    @ServerRequestFilter
    public void requireOwnRecipient(UriInfo uri) {
        String recipient = uri.getPathParameters().getFirst("recipient");
        if (recipient != null) {
            RecipientScope.requireRecipient(actor.get(), recipient);
        }
    }
}
