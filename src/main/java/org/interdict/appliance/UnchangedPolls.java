package org.interdict.appliance;

import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.interdict.error.ProblemException;
import org.interdict.ruleset.RuleSetDownloads;
import org.interdict.ruleset.dto.VersionView;

/**
 * Answers an appliance's poll of an unchanged rule set (a matching {@code If-None-Match} on {@code /current}) on
 * the router, before the REST layer: most requests the service gets are these, and the REST layer's request
 * scope, security interceptors and context propagation took about 40 % of their CPU time. It answers only
 * when memory tells everything: the appliance token is remembered as valid, its ISP is the one asked for and the
 * current version is fresh. Any other request goes on to {@link org.interdict.ruleset.RuleSetResource#current},
 * which answers it (401, 404, 400, 200, or this same 304) as before. It lives with the appliances, which read rule
 * sets, so that the rule sets know nothing of who reads them.
 */
@ApplicationScoped
public class UnchangedPolls {

    private static final String PATH = "/api/v1/isps/:isp/ruleset/current";

    private final RuleSetDownloads downloads;
    private final RememberedAppliances appliances;

    public UnchangedPolls(RuleSetDownloads downloads, RememberedAppliances appliances) {
        this.downloads = downloads;
        this.appliances = appliances;
    }

    /**
     * Right after CORS, ahead of Quarkus' authentication and authorization handlers (about 15 % of a poll's cost):
     * this route authenticates the appliance itself. The path has no HTTP permission policy; one added for it in
     * the configuration would need this route moved behind the authorization handler.
     */
    void register(@Observes Router router) {
        router.get(PATH).order(-SecurityHandlerPriorities.CORS + 1).handler(this::answer);
    }

    void answer(RoutingContext context) {
        MultiMap headers = context.request().headers();
        String ifNoneMatch = headers.get(HttpHeaders.IF_NONE_MATCH);
        String isp = context.pathParam("isp");
        VersionView version = ifNoneMatch == null ? null : downloads.cachedCurrent(isp);
        RuleSetDownloads.Request request = version == null ? null : request(context);
        if (request == null || !RuleSetDownloads.knownFormat(request)
                || !downloads.notModified(version, request, ifNoneMatch)) {
            context.next();
            return;
        }
        ValidTokens.Holder holder = appliances.holder(headers.get(HttpHeaders.AUTHORIZATION));
        if (holder == null || !isp.equals(holder.isp())) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(304);
        response.putHeader(HttpHeaders.ETAG, "\"" + RuleSetDownloads.etag(version, request).getValue() + "\"");
        downloads.versionHeaders(version).forEach(response::putHeader);
        response.end();
    }

    /** The representation asked for, or null when the parameters are invalid: the REST layer reports that. */
    private static RuleSetDownloads.Request request(RoutingContext context) {
        try {
            return RuleSetDownloads.Request.of(context.queryParams().get("format"), context.queryParams().get("type"));
        } catch (ProblemException e) {
            return null;
        }
    }
}
