package org.interdict.appeal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.appeal.dto.AppealReceipt;
import org.interdict.appeal.dto.AppealRequest;
import org.interdict.appeal.dto.AppealStatusView;
import org.interdict.error.ProblemException;

@Path("/public/v1/appeals")
@Tag(name = "Public", description = "Open to anyone, without sign-in; rate-limited per client address")
@PermitAll
public class PublicAppealResource {

    private final AppealIntake intake;

    public PublicAppealResource(AppealIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "File an appeal against the orders blocking some targets", description = "Each of `targets` "
            + "is read as a target line and must be blocked now by a published order, else it is refused naming its "
            + "index from 1 as `line`. Up to 5 `evidence` files (content in base64) of at most 10 MB each, PDF, PNG "
            + "or JPEG by their content whatever their name. Answers 201 with the receipt and its secret tracking "
            + "link. The appeal is received only when the confirmation link e-mailed to `email` is followed.")
    public Response file(AppealRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "the appeal is a JSON object");
        }
        List<AppealForm.Evidence> files = new ArrayList<>();
        for (AppealRequest.EvidenceUpload upload : request.evidence() == null
                ? List.<AppealRequest.EvidenceUpload>of() : request.evidence()) {
            files.add(new AppealForm.Evidence(upload.fileName(), upload.content() == null ? new byte[0]
                    : upload.content()));
        }
        String targets = request.targets() == null ? null : String.join("\n", request.targets());
        AppealReceipt receipt = intake.file(new AppealForm(targets, request.appellantKind(), request.email(),
                request.grounds(), request.collateral(), files));
        return Response.status(201).entity(receipt).cacheControl(noStore()).build();
    }

    @GET
    @Path("/{id}/confirmation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm an appeal's e-mail address with the key e-mailed there", description = "The appeal "
            + "is received from now on; following the link again changes nothing. 404 for a wrong key.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AppealStatusView.class)))
    @APIResponse(responseCode = "404", description = "No such appeal, or a wrong key")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; Retry-After says when to"
            + " try again")
    public Response confirm(@PathParam("id") long id, @QueryParam("key") String key) {
        return Response.ok(intake.confirm(id, key)).cacheControl(noStore()).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An appeal's status, for the holder of its tracking link", description = "404, the same "
            + "for an unknown appeal and a wrong key.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AppealStatusView.class)))
    @APIResponse(responseCode = "404", description = "No such appeal, or a wrong key")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; Retry-After says when to"
            + " try again")
    public Response status(@PathParam("id") long id, @QueryParam("key") String key) {
        AppealStatusView view = intake.status(id, key);
        return Response.ok(view).cacheControl(noStore()).build();
    }

    @POST
    @Path("/{id}/withdrawal")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw an appeal, with its tracking key", description = "Every open review closes and a "
            + "running interim suspension lapses. 409 `appeal-state` once decided; 404 for a wrong key.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AppealStatusView.class)))
    @APIResponse(responseCode = "404", description = "No such appeal, or a wrong key")
    @APIResponse(responseCode = "409", description = "The appeal is decided already")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; Retry-After says when to"
            + " try again")
    public Response withdraw(@PathParam("id") long id, @QueryParam("key") String key) {
        return Response.ok(intake.withdraw(id, key)).cacheControl(noStore()).build();
    }

    /** Appeal answers carry a secret or personal data: never kept by a cache. */
    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoTransform(false);
        return cache;
    }
}
