package org.interdict.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The language switch of every page: remembers the choice in a cookie and goes back to the page it was made on. A
 * link, not a form: it changes nothing but the visitor's own display, and works without JavaScript.
 */
@Path("/console/language")
public class LanguageSwitch {

    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @GET
    @Operation(hidden = true)
    public Response choose(@QueryParam("lang") String lang, @QueryParam("back") String back, @Context UriInfo uri) {
        Locale locale = Visit.supported(lang);
        Response.ResponseBuilder response = Response.seeOther(URI.create(sameSite(back)));
        if (locale != null) {
            response.cookie(new NewCookie.Builder(Visit.LANGUAGE_COOKIE).value(locale.getLanguage()).path("/")
                    .maxAge(ONE_YEAR).httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                    .secure("https".equals(uri.getRequestUri().getScheme())).build());
        }
        return response.build();
    }

    /** Only a path of this site: a link elsewhere would make the switch an open redirect. */
    static String sameSite(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }
}
