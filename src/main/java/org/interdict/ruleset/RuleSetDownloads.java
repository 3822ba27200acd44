package org.interdict.ruleset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.interdict.compile.RuleType;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.export.DirectiveProvenance;
import org.interdict.export.RenderContext;
import org.interdict.export.RenderReport;
import org.interdict.export.Renderers;
import org.interdict.export.RuleSetRenderer;
import org.interdict.paging.QueryParams;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.signing.RuleSetSignatures;
import org.interdict.version.NewVersion;

/**
 * Serves a version in an appliance format: signed, tagged, streamed. A matching {@code If-None-Match} answers 304
 * before any content is read; the current version per ISP is kept in memory and refreshed on every new version
 * (and after a second, for versions made through another replica).
 */
@ApplicationScoped
public class RuleSetDownloads {

    /** How long a current version read from the database is trusted; versions made here are seen at once. */
    private static final Duration CURRENT_FRESH = Duration.ofSeconds(1);

    private final RuleSetQueries queries;
    private final RuleSetSignatures signatures;
    private final InterdictConfig config;
    /** One entry per ISP with a version, so not sized: freshness alone limits it. */
    private final Cache<String, VersionView> current;
    private final Cache<String, RenderReport> reports;

    /** What was asked for: a format and, for {@code txt}, optionally one rule type. */
    public record Request(String format, RuleType type) {

        /** From the query parameters: the format defaults to json; a bad type is a 400 naming it. */
        public static Request of(String format, String type) {
            String name = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
            return new Request(name, QueryParams.enumValue("type", type, RuleType.class));
        }
    }

    public RuleSetDownloads(RuleSetQueries queries, RuleSetSignatures signatures, InterdictConfig config,
            MeterRegistry registry) {
        this.queries = queries;
        this.signatures = signatures;
        this.config = config;
        this.current = CaffeineCacheMetrics.monitor(registry,
                Caffeine.newBuilder().expireAfterWrite(CURRENT_FRESH).recordStats().<String, VersionView>build(),
                "ruleset-current");
        this.reports = CaffeineCacheMetrics.monitor(registry,
                Caffeine.newBuilder().maximumSize(config.caches().renderReports()).recordStats()
                        .<String, RenderReport>build(), "render-reports");
    }

    void onNewVersion(@Observes NewVersion version) {
        current.invalidate(version.isp());
    }

    /** The current version of the ISP if memory holds a fresh one, without touching the database; else null. */
    public VersionView cachedCurrent(String isp) {
        return current.getIfPresent(isp);
    }

    /** Whether the client already holds this representation: then {@link #serve} reads no content. */
    public boolean notModified(VersionView version, Request request, String ifNoneMatch) {
        return matches(ifNoneMatch, etag(version, request));
    }

    /** The current version of the ISP, from memory when fresh. */
    public VersionView current(String isp) {
        VersionView cached = current.getIfPresent(isp);
        if (cached != null) {
            return cached;
        }
        VersionView version = queries.current(isp);
        if (version == null) {
            throw new ProblemException(org.interdict.error.ErrorCategory.NOT_FOUND, "no-ruleset", "No rule set",
                    "ISP " + isp + " has no rule-set version yet");
        }
        current.put(isp, version);
        return version;
    }

    public Response serve(VersionView version, Request request, String ifNoneMatch) {
        RuleSetRenderer renderer = renderer(request.format());
        EntityTag etag = etag(version, request);
        Response.ResponseBuilder response;
        if (matches(ifNoneMatch, etag)) {
            response = Response.notModified(etag);
        } else {
            RuleSetQueries.VersionContent content = queries.content(version);
            RenderContext context = context(version, request);
            RenderReport report = report(renderer, content, context);
            StreamingOutput body = out -> renderer.render(content.rules(), context, out);
            response = Response.ok(body, renderer.mediaType()).tag(etag)
                    .header("Content-Disposition", "attachment; filename=\"" + renderer.fileName(version.isp(),
                            version.version()) + "\"")
                    .header("X-Interdict-Rules-Written", total(report.written()))
                    .header("X-Interdict-Rules-Not-Carried", total(report.notCarried()))
                    .header("X-Interdict-Rules-Rejected", report.rejectedTotal());
        }
        versionHeaders(version).forEach(response::header);
        return response.build();
    }

    /**
     * What every answer about a version carries, 304s included: which version it is, its digest and signature, and
     * that clients must ask again each time.
     */
    public Map<String, String> versionHeaders(VersionView version) {
        RuleSetSignatures.Signed signed = signatures.sign(version.isp(), version.version(), version.digest());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Interdict-Isp", version.isp());
        headers.put("X-Interdict-Version", Long.toString(version.version()));
        headers.put("X-Interdict-Digest", version.digest());
        headers.put("X-Interdict-Signature", signed.signature());
        headers.put("X-Interdict-Key-Id", signed.keyId());
        headers.put("Cache-Control", "no-cache");
        return headers;
    }

    /**
     * The entity tag of a version in a requested representation, as sent in {@code ETag}: the rules' digest, and the
     * provenance digest too for formats that name the directives behind the rules.
     */
    public static EntityTag etag(VersionView version, Request request) {
        boolean provenance = version.provenanceDigest() != null
                && Renderers.find(request.format()).map(RuleSetRenderer::carriesProvenance).orElse(false);
        return new EntityTag(version.digest() + (provenance ? "-" + version.provenanceDigest() : "") + "." + request.format()
                + (request.type() == null ? "" : "." + request.type().name().toLowerCase(Locale.ROOT)));
    }

    /** Whether the format is one this service renders: only then may a representation be answered, 304 or not. */
    public static boolean knownFormat(Request request) {
        return Renderers.find(request.format()).isPresent();
    }

    /** What the format leaves out or could not encode, for a version. */
    public RenderReport report(VersionView version, Request request) {
        return report(renderer(request.format()), queries.content(version), context(version, request));
    }

    /** Signature headers of a version, for responses that carry no content of it (deltas). */
    public RuleSetSignatures.Signed signature(VersionView version) {
        return signatures.sign(version.isp(), version.version(), version.digest());
    }

    /** How a version is rendered in a format: its landing-page policy, and provenance for json. */
    public RenderContext context(VersionView version, Request request) {
        Map<Long, DirectiveProvenance> provenance = request.format().equals("json") ? queries.provenance() : Map.of();
        RenderContext context = RenderContext.of(version.isp(), version.version(), version.digest(), version.createdAt())
                .withProvenance(provenance::get);
        Optional<String> landing = config.exports().landingPage();
        if (landing.isPresent() || config.exports().landingAddresses().isPresent()) {
            context = context.withLandingPage(landing.orElse(null), config.exports().landingAddresses().orElse(List.of()));
        }
        return request.type() == null ? context : context.withOnlyType(request.type());
    }

    /**
     * Rendered once to a discarding stream and remembered per digest and format: the report must go in the headers,
     * which leave before the streamed body.
     */
    private RenderReport report(RuleSetRenderer renderer, RuleSetQueries.VersionContent content, RenderContext context) {
        String key = content.version().digest() + "." + renderer.format() + "." + context.onlyType();
        RenderReport cached = reports.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        try {
            RenderReport report = renderer.render(content.rules(), context, OutputStream.nullOutputStream());
            reports.put(key, report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleSetRenderer renderer(String format) {
        return Renderers.find(format).orElseThrow(() -> ProblemException.invalid("format", "unknown-format",
                "'" + format + "' is not a format; one of " + String.join(", ", Renderers.formats())));
    }

    private static boolean matches(String ifNoneMatch, EntityTag etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String quoted = "\"" + etag.getValue() + "\"";
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(quoted)) {
                return true;
            }
        }
        return false;
    }

    private static int total(Map<RuleType, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
