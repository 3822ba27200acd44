package org.interdict.lookup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.error.ProblemException;
import org.interdict.lookup.dto.LookupAnswer;
import org.interdict.paging.QueryParams;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.security.CurrentActor;
import org.interdict.security.IspVisibility;
import org.interdict.security.Roles;

@Path("/api/v1/lookup")
@Tag(name = "Lookup", description = "Is it blocked, since when, and by which order")
public class LookupResource {

    private final LookupService lookups;
    private final RuleSetQueries rulesets;
    private final CurrentActor actor;
    private final Clock clock;

    public LookupResource(LookupService lookups, RuleSetQueries rulesets, CurrentActor actor, Clock clock) {
        this.lookups = lookups;
        this.rulesets = rulesets;
        this.actor = actor;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    @Operation(summary = "Whether a domain, URL or IP address is blocked for an ISP", description = "`q` is "
            + "read exactly as a target line is (Unicode names and full URLs accepted), and refused with the same "
            + "codes. With `at` (an instant from 1970 to now), the answer of the version current at that instant. Each "
            + "matching rule names its directives and the first retained version holding it; `allowlisted` lists the "
            + "entries that protect the name or address today.")
    public LookupAnswer lookup(@QueryParam("q") String q, @QueryParam("isp") String isp, @QueryParam("at") String at) {
        String ispId = QueryParams.text(isp);
        if (ispId == null) {
            throw ProblemException.invalid("isp", "required", "isp names the ISP whose rule set answers");
        }
        Instant instant = QueryParams.pastInstant("at", at, clock.instant());
        IspVisibility.requireRead(actor.get(), ispId);
        rulesets.requireIsp(ispId);
        return lookups.lookup(q, ispId, instant);
    }
}
