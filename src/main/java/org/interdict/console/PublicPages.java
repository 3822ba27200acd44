package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.config.InterdictConfig;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.lookup.PublicLookup;
import org.interdict.lookup.PublicLookupResource;
import org.interdict.lookup.dto.PublicLookupAnswer;
import org.interdict.web.PublicEdge;

/**
 * The pages anyone may open without signing in: the lookup ("is it blocked, and why?") and the landing page that a
 * blocked name leads to. They answer from the same {@link PublicLookup} as GET /public/v1/lookup, keep no session,
 * and may be cached for a short while (per language, and per host for the landing page).
 */
@Path("/public")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PublicPages {

    /** The question as the form sent it. */
    public record Question(String q) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(PublicPage page, Question question, PublicLookupAnswer answer,
                Problem refusal);

        /** {@code languages}: the page's words in Vietnamese, then in English; a blocked visitor may read either. */
        static native TemplateInstance landing(PublicPage page, PublicLookupAnswer answer,
                List<AppealMessages> languages);
    }

    private final Visit visit;
    private final HttpServerRequest request;
    private final PublicLookup lookups;
    private final InterdictConfig config;
    private final CacheControl caching;
    private final List<AppealMessages> bothLanguages = List.of(
            MessageBundles.get(AppealMessages.class, Localized.Literal.of("vi")),
            MessageBundles.get(AppealMessages.class, Localized.Literal.of("en")));

    public PublicPages(Visit visit, HttpServerRequest request, PublicLookup lookups, InterdictConfig config) {
        this.visit = visit;
        this.request = request;
        this.lookups = lookups;
        this.config = config;
        this.caching = PublicLookupResource.publicCaching(config);
    }

    @GET
    @Path("/lookup")
    @Operation(hidden = true)
    public Response lookup(@QueryParam("q") String q, @QueryParam("lang") String lang) {
        PublicPage page = page("/public/lookup", lang, q == null ? "" : "q=" + PublicPage.encode(q));
        Question question = new Question(q);
        if (q == null) {
            return answer(200, Templates.lookup(page, question, null, null), page);
        }
        try {
            return answer(200, Templates.lookup(page, question, lookups.lookup(q, null), null), page);
        } catch (ProblemException e) {
            return answer(e.category().status(), Templates.lookup(page, question, null, e.toProblem()), page);
        }
    }

    /**
     * What a browser sent to a blocked name sees: the orders behind the name it asked for (its Host header), in both
     * languages, answered 451; for a host no published order names, or one that is not a name at all, the same
     * neutral page, answered 200.
     */
    @GET
    @Path("/landing")
    @Operation(hidden = true)
    public Response landing(@QueryParam("lang") String lang) {
        PublicPage page = page("/public/landing", lang, "");
        PublicLookupAnswer answer;
        try {
            String host = PublicEdge.hostName(request);
            answer = host.isEmpty() ? null : lookups.lookup(host, null);
        } catch (ProblemException notAName) {
            answer = null;
        }
        boolean listed = answer != null && answer.listed();
        return answer(listed ? 451 : 200, Templates.landing(page, listed ? answer : null, bothLanguages), page,
                "Host, Accept-Language");
    }

    private PublicPage page(String path, String lang, String query) {
        Locale chosen = Visit.supported(lang);
        Locale locale = chosen != null ? chosen : visit.locale();
        return new PublicPage(locale, config.console().timeZone(), path, query);
    }

    private Response answer(int status, TemplateInstance template, PublicPage page) {
        return answer(status, template, page, "Accept-Language");
    }

    private Response answer(int status, TemplateInstance template, PublicPage page, String vary) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).cacheControl(caching).header("Vary", vary).header("Content-Language", page.lang())
                .entity(template.setLocale(page.locale())).build();
    }
}
