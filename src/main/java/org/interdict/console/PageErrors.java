package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.interdict.error.Problem;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refusal raised while answering a page (a problem: not found, a role that does not allow it, a service's refusal)
 * is shown as a page in the visitor's language, with the problem's code and detail; the API keeps its problem
 * documents. The error pipeline stays one: this only changes how its problem is written for a browser.
 */
public class PageErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(PageContext page, Problem problem);
    }

    private final Visit visit;

    public PageErrors(Visit visit) {
        this.visit = visit;
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && ConsolePaths.isPage(request.getUriInfo().getPath())) {
            String html = visit.localized(Templates.error(visit.context(), problem)).render();
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8");
            response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
