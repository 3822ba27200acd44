package org.interdict.lookup;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.config.InterdictConfig;
import org.interdict.lookup.dto.PublicLookupAnswer;
import org.interdict.paging.QueryParams;

@Path("/public/v1/lookup")
@Tag(name = "Public", description = "Open to anyone, without sign-in; rate-limited per client address")
public class PublicLookupResource {

    private final PublicLookup lookups;
    private final CacheControl caching;

    public PublicLookupResource(PublicLookup lookups, InterdictConfig config) {
        this.lookups = lookups;
        this.caching = publicCaching(config);
    }

    /** Public answers may be kept by browsers and shared caches for a short while: they carry nobody's data. */
    public static CacheControl publicCaching(InterdictConfig config) {
        CacheControl caching = new CacheControl();
        caching.setMaxAge((int) config.publicAccess().cacheMaxAge().toSeconds());
        caching.setNoTransform(false);
        return caching;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether a domain, URL or IP address is blocked, and by which published orders", description
            = "`q` is read exactly as a target line is. Without `isp`, every active ISP's current rule set answers. "
            + "Each order comes with its reference, authority, date, category, legal basis in plain Vietnamese and "
            + "English, and since when it is in force. Orders of unpublished categories are never shown nor hinted "
            + "at: the same notice ends every answer. Only the present is answered. More than "
            + "`interdict.public-access.rate-per-period` requests per period from one address are refused with 429.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublicLookupAnswer.class)))
    @APIResponse(responseCode = "400", description = "`q` is not a domain, URL or address")
    @APIResponse(responseCode = "404", description = "`isp` names no active ISP")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; Retry-After says when to"
            + " try again")
    public Response lookup(@QueryParam("q") String q, @QueryParam("isp") String isp) {
        PublicLookupAnswer answer = lookups.lookup(q, QueryParams.text(isp));
        return Response.ok(answer).cacheControl(caching).build();
    }
}
