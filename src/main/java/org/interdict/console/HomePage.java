package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.security.CurrentActor;
import org.interdict.security.dto.CallerView;

/**
 * The page a browser lands on: who is signed in, and the way out. Signing in is not done here: the path is
 * {@code authenticated} (quarkus.http.auth.permission.pages), so a browser without a session is sent to the identity
 * provider before this runs. Not part of the API document.
 */
@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(CallerView caller);
    }

    private final CurrentActor actor;

    public HomePage(CurrentActor actor) {
        this.actor = actor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance home() {
        return Templates.home(CallerView.of(actor.get()));
    }
}
