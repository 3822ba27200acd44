package org.interdict.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.interdict.config.InterdictConfig;
import org.interdict.error.Problem;

/**
 * The door of the public side ({@code /public/}), right after {@link HttpEdge}: requests for a host that is not the
 * service's own go to the landing page, and every public request counts against its client address's token bucket
 * (Bucket4j), refused past it with 429, {@code Retry-After} and a problem document, before any work is done.
 */
@ApplicationScoped
public class PublicEdge {

    static final int ORDER = HttpEdge.ORDER + 1;
    public static final String PUBLIC_PREFIX = "/public/";
    public static final String LANDING_PATH = "/public/landing";
    /** The appeal pages: the public side's form, whose post carries a CSRF token. */
    public static final String APPEAL_PAGES_PREFIX = "/public/appeals";

    private final InterdictConfig.PublicAccess config;
    private final ClientAddresses addresses;
    private final ObjectMapper json;
    private final Set<String> serviceHosts;
    private final Cache<String, Bucket> buckets;
    private final Counter refused;

    public PublicEdge(InterdictConfig config, ClientAddresses addresses, ObjectMapper json, MeterRegistry registry) {
        this.config = config.publicAccess();
        this.addresses = addresses;
        this.json = json;
        this.serviceHosts = this.config.serviceHosts().orElse(List.of()).stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.buckets = CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder()
                .maximumSize(this.config.trackedAddresses())
                .expireAfterAccess(this.config.ratePeriod().multipliedBy(2)).recordStats().<String, Bucket>build(),
                "public-rate-limit");
        this.refused = Counter.builder("interdict.public.rate.limited")
                .description("Public requests refused with 429 because their client address used up its allowance")
                .register(registry);
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (!serviceHosts.isEmpty() && !path.startsWith(PUBLIC_PREFIX) && !serviceHosts.contains(hostName(request))) {
            context.reroute(LANDING_PATH);
            return;
        }
        if (path == null || !path.startsWith(PUBLIC_PREFIX)) {
            context.next();
            return;
        }
        Bucket bucket = buckets.get(addresses.of(request), ignored -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            context.next();
        } else {
            refused.increment();
            refuse(context, probe.getNanosToWaitForRefill());
        }
    }

    /** The Host header's name, without a port, lower-cased; blank when it has none. */
    public static String hostName(HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null) {
            return "";
        }
        host = host.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }

    private Bucket newBucket() {
        int capacity = config.ratePerPeriod();
        Duration period = config.ratePeriod();
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build();
    }

    private void refuse(RoutingContext context, long nanosToWait) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        Problem problem = Problem.of(429, "rate-limited", "Too many requests", "This address has made more than "
                + config.ratePerPeriod() + " public requests in " + config.ratePeriod().toSeconds()
                + " s; try again in " + seconds + " s");
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body);
    }
}
