package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.appeal.AppealForm;
import org.interdict.appeal.AppealIntake;
import org.interdict.appeal.dto.AppealReceipt;
import org.interdict.appeal.dto.AppealStatusView;
import org.interdict.authority.AuthorityService;
import org.interdict.authority.dto.AuthorityView;
import org.interdict.config.InterdictConfig;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The appeal on the public side, as pages: the form (multipart, with the evidence files), the receipt with the secret
 * tracking link, the page the e-mailed confirmation link opens, and the status page behind the tracking link. They
 * are a second presentation of {@link AppealIntake}, like POST /public/v1/appeals. Nobody signs in: the form carries
 * the CSRF token of its own cookie (no session), and nothing here is cached, since each answer holds a secret or the
 * appellant's data.
 */
@Path("/public/appeals")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PublicAppealPages {

    public static final String FORM_PATH = "/public/appeals/new";

    /** The refusals of a target line that the intake makes itself; the others are the target parser's. */
    private static final Set<String> APPEAL_LINE_CODES = Set.of("not-blocked", "too-many-targets", "not-an-address");

    /** The form as sent (or prefilled), to be shown again with its refusals. */
    public record Draft(String targets, String appellantKind, String email, String grounds, String collateral) {

        static Draft prefilled(String target) {
            return new Draft(target == null ? "" : target.strip(), "", "", "", "");
        }
    }

    /**
     * A refused field: the code, said in words by the page, and the service's own detail (naming the line or the
     * file). A refusal of one line of the targets has its {@code line} and {@code input}; {@code parserCode} when
     * the target parser refused the line, whose codes have their words in {@link ReviewMessages}.
     */
    public record FieldRefusal(String field, String code, String detail, Integer line, String input,
            boolean parserCode) {

        static FieldRefusal of(Violation v) {
            boolean line = v.line() != null;
            return new FieldRefusal(line ? "targets" : v.field(), v.code(), v.message(), v.line(), v.input(),
                    line && !APPEAL_LINE_CODES.contains(v.code()));
        }
    }

    /** The refusals of one form, by field. */
    public record Refusals(List<FieldRefusal> all) {

        static final Refusals NONE = new Refusals(List.of());

        public List<FieldRefusal> of(String field) {
            return all.stream().filter(r -> field.equals(r.field())).toList();
        }

        public boolean has(String field) {
            return !of(field).isEmpty();
        }
    }

    /**
     * When the authorities must acknowledge and decide a received appeal: from its receipt, the configured periods
     * that the review queue counts from too.
     */
    public record Deadlines(Instant acknowledgeBy, Instant decideBy) {}

    /** Appeal states the appellant may still withdraw from. */
    private static final Set<String> WITHDRAWABLE = Set.of("RECEIVED", "UNDER_REVIEW");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(PublicPage page, String csrfToken, Draft draft, Refusals refusals,
                Problem refusal, List<String> appellantKinds, List<String> collateralKinds, int maxFiles,
                long maxFileMegabytes);

        static native TemplateInstance receipt(PublicPage page, AppealReceipt receipt);

        /** {@code authorities}: the name of each reviewing authority in the page's language, by its id. */
        static native TemplateInstance status(PublicPage page, String csrfToken, String key, AppealStatusView appeal,
                Map<String, String> authorities, Deadlines deadlines, String done, Problem refusal);

        static native TemplateInstance unknown(PublicPage page);
    }

    private final Visit visit;
    private final AppealIntake intake;
    private final AuthorityService authorities;
    private final InterdictConfig config;

    public PublicAppealPages(Visit visit, AppealIntake intake, AuthorityService authorities, InterdictConfig config) {
        this.visit = visit;
        this.intake = intake;
        this.authorities = authorities;
        this.config = config;
    }

    @GET
    @Path("/new")
    @Operation(hidden = true)
    public Response form(@QueryParam("target") String target, @QueryParam("lang") String lang) {
        PublicPage page = page(FORM_PATH, lang, target == null ? "" : "target=" + PublicPage.encode(target));
        return answer(200, form(page, Draft.prefilled(target), Refusals.NONE, null), page);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response file(@RestForm String targets, @RestForm String appellantKind, @RestForm String email,
            @RestForm String grounds, @RestForm String collateral, @RestForm("evidence") List<FileUpload> evidence,
            @RestForm String lang) {
        Draft draft = new Draft(targets, appellantKind, email, grounds, collateral);
        PublicPage formPage = page(FORM_PATH, lang, "");
        try {
            AppealReceipt receipt = intake.file(new AppealForm(targets, appellantKind, email, grounds, collateral,
                    files(evidence)));
            return answer(201, Templates.receipt(statusPage(receipt.id(), receipt.trackingUrl(), formPage.lang()),
                    receipt), formPage);
        } catch (ProblemException e) {
            Problem problem = e.toProblem();
            List<FieldRefusal> refused = problem.violations() == null ? List.of()
                    : problem.violations().stream().map(FieldRefusal::of).toList();
            return answer(e.category().status(), form(formPage, draft, new Refusals(refused), problem), formPage);
        }
    }

    /** What the link e-mailed to the appellant opens: the appeal is received from now on. */
    @GET
    @Path("/{id}/confirmation")
    @Operation(hidden = true)
    public Response confirm(@PathParam("id") long id, @QueryParam("key") String key, @QueryParam("lang") String lang) {
        PublicPage page = page("/public/appeals/" + id + "/confirmation", lang, keyQuery(key));
        try {
            AppealStatusView appeal = intake.confirm(id, key);
            // The confirmation key is not the tracking key: the page offers no withdrawal; the tracking link does.
            return answer(200, Templates.status(page, null, null, appeal, authorityNames(appeal, page),
                    deadlines(appeal), "confirmed", null), page);
        } catch (ProblemException unknown) {
            return answer(unknown.category().status(), Templates.unknown(page), page);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Response status(@PathParam("id") long id, @QueryParam("key") String key, @QueryParam("lang") String lang) {
        PublicPage page = page("/public/appeals/" + id, lang, keyQuery(key));
        try {
            return answer(200, statusPage(page, key, intake.status(id, key), null, null), page);
        } catch (ProblemException unknown) {
            return answer(unknown.category().status(), Templates.unknown(page), page);
        }
    }

    /** The appellant withdraws the appeal from its status page, with the tracking key the page carries. */
    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") long id, @RestForm String key, @RestForm String lang) {
        PublicPage page = page("/public/appeals/" + id, lang, keyQuery(key));
        AppealStatusView appeal;
        try {
            appeal = intake.withdraw(id, key);
        } catch (ProblemException refused) {
            if (refused.category().status() == 404) {
                return answer(404, Templates.unknown(page), page);
            }
            return answer(refused.category().status(), statusPage(page, key, intake.status(id, key), null,
                    refused.toProblem()), page);
        }
        return answer(200, statusPage(page, key, appeal, "withdrawn", null), page);
    }

    private TemplateInstance statusPage(PublicPage page, String key, AppealStatusView appeal, String done,
            Problem refusal) {
        boolean withdrawable = WITHDRAWABLE.contains(appeal.status());
        return Templates.status(page, withdrawable ? visit.csrfToken() : null, withdrawable ? key : null, appeal,
                authorityNames(appeal, page), deadlines(appeal), done, refusal);
    }

    /** The reviewing authorities' names, as the public lookup names the issuers of orders. */
    private Map<String, String> authorityNames(AppealStatusView appeal, PublicPage page) {
        Map<String, String> names = new HashMap<>();
        for (AppealStatusView.Review review : appeal.reviews() == null ? List.<AppealStatusView.Review>of()
                : appeal.reviews()) {
            AuthorityView authority = authorities.get(review.authority(), visit.actor());
            names.put(review.authority(), page.lang().equals("vi") ? authority.nameVi() : authority.nameEn());
        }
        return names;
    }

    private Deadlines deadlines(AppealStatusView appeal) {
        Instant received = appeal.receivedAt();
        return received == null ? null : new Deadlines(received.plus(config.appeals().acknowledgeWithin()),
                received.plus(config.appeals().decideWithin()));
    }

    private TemplateInstance form(PublicPage page, Draft draft, Refusals refusals, Problem refusal) {
        return Templates.form(page, visit.csrfToken(), draft, refusals, refusal, AppealIntake.APPELLANT_KINDS,
                AppealIntake.COLLATERAL_KINDS, config.publicAccess().maxEvidenceFiles(),
                config.publicAccess().maxEvidenceSize().asLongValue() / (1024 * 1024));
    }

    /**
     * The uploads that carry a file: a browser sends an empty, nameless part for a file field left empty. Read
     * whole, since the intake checks each file's content; the body limit bounds them all.
     */
    private static List<AppealForm.Evidence> files(List<FileUpload> uploads) {
        List<AppealForm.Evidence> files = new ArrayList<>();
        for (FileUpload upload : uploads == null ? List.<FileUpload>of() : uploads) {
            boolean named = upload.fileName() != null && !upload.fileName().isBlank();
            if (!named && upload.size() == 0) {
                continue;
            }
            try {
                files.add(new AppealForm.Evidence(upload.fileName(), Files.readAllBytes(upload.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The status page as the tracking link names it, so that its language switch keeps the key. */
    private PublicPage statusPage(long id, String trackingUrl, String lang) {
        String key = trackingUrl.substring(trackingUrl.indexOf("key=") + 4);
        return page("/public/appeals/" + id, lang, keyQuery(key));
    }

    private static String keyQuery(String key) {
        return key == null ? "" : "key=" + PublicPage.encode(key);
    }

    private PublicPage page(String path, String lang, String query) {
        Locale chosen = Visit.supported(lang);
        Locale locale = chosen != null ? chosen : visit.locale();
        return new PublicPage(locale, config.console().timeZone(), path, query);
    }

    /** Appeal pages carry a secret or the appellant's data: never kept by a cache. */
    private static Response answer(int status, TemplateInstance template, PublicPage page) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).cacheControl(noStore)
                .header("Content-Language", page.lang()).entity(template.setLocale(page.locale())).build();
    }
}
