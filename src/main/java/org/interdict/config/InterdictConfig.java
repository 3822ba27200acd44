package org.interdict.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Every setting of Interdict's own; connection settings stay with the Quarkus extensions. */
@ConfigMapping(prefix = "interdict")
public interface InterdictConfig {

    /** Target import limits. */
    Import targetImport();

    /** Collateral-damage guard data. */
    GuardLists guards();

    /** Directive lifecycle. */
    Lifecycle lifecycle();

    /** Listing pages. */
    Paging paging();

    /** Rule-set compilation, versions and the circuit breaker. */
    Rulesets rulesets();

    /** Appliances and their tokens. */
    Appliances appliances();

    /** The Ed25519 keys that sign rule sets. */
    Signing signing();

    /** What the appliance formats answer for blocked names. */
    Exports exports();

    /** Publication of versions to Redis. */
    Publish publish();

    /** Acknowledgements, compliance and enforcement deadlines. */
    Compliance compliance();

    /** The transparency report. */
    Transparency transparency();

    /** What is kept in memory, and how much of it; every cache reports hits, misses and evictions as metrics. */
    Caches caches();

    /** Checks on the JWT bearer tokens of users, beyond their signature, issuer and expiry. */
    Tokens tokens();

    /** Limits of HTTP requests, checked before anything else reads them. */
    Http http();

    /** The web console. */
    Console console();

    /** The public side, open without sign-in: the lookup, the landing page and appeals. */
    PublicAccess publicAccess();

    /** Each ISP's response policy zone served by DNS zone transfer (AXFR, IXFR) to its own secondaries. */
    Zone zone();

    /** E-mails and webhook calls queued with the changes they report, and their delivery. */
    Notifications notifications();

    /** Review of appeals and ISP error reports by the authorities whose orders they contest. */
    Appeals appeals();

    /**
     * Base64 of the 32-byte AES key that seals the secrets the service must read back (TSIG keys of the zones, webhook
     * signing secrets) in the database. Keep it outside the database and its backups; without it the stored secrets
     * cannot be read, and new ones cannot be made. No default outside development and tests.
     */
    Optional<String> keyEncryptionKey();

    /**
     * Load the development data at start-up (three ISPs, the Ministry and two provincial Departments, matching the
     * demo users of the bundled identity provider). Never in production.
     */
    @WithDefault("false")
    boolean developmentData();

    interface Import {
        /** Most target lines one request may carry; more is refused with 413. */
        @WithDefault("200000")
        int maxLines();

        /** Most bad lines listed in one error response; the total is always given. */
        @WithDefault("200")
        int maxReportedErrors();
    }

    interface GuardLists {
        /** Replaces the shipped list of most-used sites (one name a line). */
        Optional<Path> highImpactFile();

        /** Replaces the shipped CDN and cloud ranges (one CIDR a line; the file name names the provider). */
        Optional<List<Path>> sharedInfrastructureFiles();
    }

    interface Lifecycle {
        /** How often scheduled activations and expiries are applied. */
        @WithDefault("5s")
        Duration checkInterval();
    }

    interface Paging {
        /** Page size when a request names none. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest page a request may ask for. */
        @WithDefault("500")
        int maxLimit();
    }

    interface Rulesets {
        /** How many of an ISP's latest versions keep their full content (and so can serve deltas). */
        @WithDefault("10")
        int retainedVersions();

        /** Quiet time after a change before compiling, so a burst of changes makes one version. */
        @WithDefault("20ms")
        Duration debounce();

        /**
         * Most targets that may enter or leave the inputs for a compilation to start from the previous result and
         * recompile only what they touch; a larger change compiles everything again.
         */
        @WithDefault("50000")
        int incrementalLimit();

        /** How often pending changes (for example from another replica) are looked for. */
        @WithDefault("10s")
        Duration pollInterval();

        /**
         * The circuit breaker that holds for a supervisor a version changing too many rules that no approval explains.
         */
        Breaker breaker();
    }

    /**
     * Limits on the rules a version adds plus removes that follow from no directive approved (or activated) since the
     * ISP's current version: revocations, expiries, allowlist edits, anything else. What approvals bring is never
     * counted: a supervisor approved each of them.
     */
    interface Breaker {
        /** Largest share of the current rules a version may add plus remove, unexplained, without being held. */
        @WithDefault("0.10")
        double maxShare();

        /** Largest number of rules a version may add plus remove, unexplained, without being held. */
        @WithDefault("100000")
        int maxChanges();

        /** Below this many current rules the share limit does not apply (small sets change by large shares). */
        @WithDefault("1000")
        int minRules();
    }

    interface Appliances {
        /**
         * How often the last-seen times of appliances, kept in memory per request, are written to the database in
         * one batched update (also done at shutdown).
         */
        @WithDefault("30s")
        Duration lastSeenFlushInterval();
    }

    interface Signing {
        /** PKCS#8 PEM file of the Ed25519 private key that signs new responses. */
        @WithDefault(".dev/signing-private.pem")
        Path privateKey();

        /** SubjectPublicKeyInfo PEM file of the matching public key, published to appliances. */
        @WithDefault(".dev/signing-public.pem")
        Path publicKey();

        /** The id published with the key and sent with every signature, so appliances can pick the key. */
        @WithDefault("dev-1")
        String keyId();

        /** Public keys still accepted during a rotation, as {@code id=path-to-PEM} pairs. */
        Optional<List<String>> previousPublicKeys();
    }

    interface Exports {
        /** Host name blocked names resolve to (CNAME in RPZ and Unbound); without it they answer NXDOMAIN. */
        Optional<String> landingPage();

        /** Addresses of the landing page, for the formats that can only answer with addresses (hosts, dnsmasq). */
        Optional<List<String>> landingAddresses();
    }

    interface Publish {
        /** Prefix of every key and channel written, so several deployments can share one Redis. */
        @WithDefault("interdict")
        String keyPrefix();

        /** Approximate number of entries each ISP's stream keeps; older ones are trimmed. */
        @WithDefault("1000")
        int streamLength();

        /** Most rules (added plus removed) a stream entry carries; a larger change is announced as a resync. */
        @WithDefault("10000")
        int maxDeltaRules();

        /** How many of an ISP's latest versions keep their sets in Redis (the current one and predecessors). */
        @WithDefault("2")
        int retainedVersions();

        /**
         * Whether to keep a spare copy of each current content's sets in Redis, so that the next version derived
         * from it starts from a rename rather than a copy of a million members (at the cost of that copy's memory).
         */
        @WithDefault("true")
        boolean spareCopies();

        /** Members per SADD command when a full set is written. */
        @WithDefault("1000")
        int membersPerCommand();

        /** Commands sent together in one pipelined batch. */
        @WithDefault("32")
        int commandsPerBatch();

        /** How often unpublished versions (a Redis outage, another replica's versions) are retried. */
        @WithDefault("2s")
        Duration retryInterval();

        /** How often Redis is compared with PostgreSQL and repaired. */
        @WithDefault("60s")
        Duration reconcileInterval();

        /** Longest wait for one Redis reply or batch before the attempt counts as failed. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Compliance {
        /** An appliance not heard from (no request, no report) for longer than this is flagged silent. */
        @WithDefault("15m")
        Duration silentAfter();

        /**
         * How long ISPs have to enforce a directive once it is in force (approved and effective), unless the
         * directive sets its own deadline.
         */
        @WithDefault("30m")
        Duration enforcementDeadline();

        /** How often the compliance gauges (versions, appliances behind or silent, late directives) are recomputed. */
        @WithDefault("60s")
        Duration metricsRefresh();
    }

    interface Caches {
        /**
         * Decoded rule-set contents kept in memory (a national one takes hundreds of MB), held softly so that the
         * heap can take them back; a content not kept is read from PostgreSQL again.
         */
        @WithDefault("3")
        int rulesetContents();

        /** Changes between two contents kept in memory: each publication of a version asks for its own again. */
        @WithDefault("8")
        int rulesetDeltas();

        /** What a format leaves out of a version, kept per version, format and type for the download headers. */
        @WithDefault("64")
        int renderReports();

        /** Signatures of versions kept, since every poll's answer carries one (a version is cheap to sign again). */
        @WithDefault("4096")
        int signatures();

        /** Appliance tokens remembered as valid, so that a poll needs no database read. */
        @WithDefault("100000")
        int applianceTokens();
    }

    interface Tokens {
        /**
         * Longest a user's token is accepted after it was issued ({@code iat}); a token whose lifetime ({@code exp}
         * minus {@code iat}) is longer is refused outright. Appliance tokens are not JWTs and are not affected.
         */
        @WithDefault("12h")
        Duration maxAge();
    }

    interface Transparency {
        /**
         * Serve the transparency report, the API's and the console's page, without authentication; otherwise auditors
         * and administrators only.
         */
        @WithName("public")
        @WithDefault("false")
        boolean publicReport();

        /** Widest report, in years from `from` to `to`; a wider range is refused with 400. */
        @WithDefault("10")
        int maxRangeYears();

        /**
         * Longest time PostgreSQL may spend on one report, its queries together; past it the running query is
         * cancelled (whether or not the client is still there) and the report answers 503 `report-timeout`.
         */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Http {
        /**
         * Longest request target (path and query string) answered; longer is refused with 414. Up to 64 KiB (the
         * HTTP codec's own limit, `quarkus.http.limits.max-initial-line-length`) the refusal is a problem document;
         * beyond, the codec answers a bare 414.
         */
        @WithDefault("8192")
        int maxUriLength();

        /**
         * Most bytes of request header fields answered; more is refused with 431. Up to 64 KiB
         * (`quarkus.http.limits.max-header-size`) the refusal is a problem document; beyond, a bare 431.
         */
        @WithDefault("20480")
        int maxHeaderSize();
    }

    interface Console {
        /** The time zone in which the console shows dates and times, whatever the browser's. */
        @WithDefault("Asia/Ho_Chi_Minh")
        ZoneId timeZone();
    }

    interface Zone {
        /**
         * Run the DNS listener (TCP for transfers, UDP and TCP for SOA queries). It needs
         * {@code interdict.key-encryption-key}: start-up fails without it.
         */
        @WithDefault("false")
        boolean enabled();

        /** Address the DNS listener binds. */
        @WithDefault("0.0.0.0")
        String host();

        /** Port of the DNS listener, TCP and UDP; 0 binds a free port (tests). */
        @WithDefault("8053")
        int port();

        /** Zones are named {@code <isp>.rpz.<suffix>}; an absolute name, ending in a dot. */
        @WithDefault("interdict.")
        String suffix();

        /**
         * How often secondaries that have not acknowledged a NOTIFY of their ISP's current version are sent one
         * again (one replica at a time sends them).
         */
        @WithDefault("15s")
        Duration notifyRetryInterval();

        /** How long to wait for a secondary's answer to a NOTIFY before counting it unacknowledged. */
        @WithDefault("3s")
        Duration notifyTimeout();
    }

    interface PublicAccess {
        /**
         * Requests one client address may make to the public pages and API ({@code /public/}) per
         * {@code rate-period}; more are refused with 429 and {@code Retry-After}. The address is the connection's,
         * or the one a proxy of {@code quarkus.http.proxy.trusted-proxies} names in {@code X-Forwarded-For}
         * (never that header when no proxy is trusted).
         */
        @WithDefault("60")
        int ratePerPeriod();

        /** The period over which {@code rate-per-period} requests are allowed, refilled gradually. */
        @WithDefault("1m")
        Duration ratePeriod();

        /** Client addresses whose request counts are kept; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int trackedAddresses();

        /** How long browsers and shared caches may reuse a public answer (Cache-Control max-age). */
        @WithDefault("60s")
        Duration cacheMaxAge();

        /**
         * The host names of the service itself. When set, a request for any other host (a blocked name an ISP
         * resolved to the landing page's addresses) is answered with the landing page, whatever its path. Unset,
         * the landing page is only reached at {@code /public/landing}, for a proxy that routes there.
         */
        Optional<List<String>> serviceHosts();

        /** Where the public side is reached, for the links sent by e-mail (appeal confirmation and tracking). */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** Evidence files one appeal may carry. */
        @WithDefault("5")
        int maxEvidenceFiles();

        /** Largest evidence file. */
        @WithDefault("10M")
        MemorySize maxEvidenceSize();
    }

    interface Notifications {
        /**
         * How often the outbox is looked at for notifications whose next attempt is due (retries, and any whose
         * wake-up at commit was missed). New ones are sent at once after their transaction commits.
         */
        @WithDefault("5s")
        Duration retryInterval();

        /** Wait before the second attempt; each further one waits twice as long as the one before, up to the cap. */
        @WithDefault("30s")
        Duration backoffInitial();

        /** Longest wait between two attempts. */
        @WithDefault("1h")
        Duration backoffMax();

        /**
         * Attempts after which a notification is given up and marked failed (kept in the delivery log, counted in
         * {@code interdict_notifications_failed_total}); with the defaults, about 9 hours of trying.
         */
        @WithDefault("16")
        int maxAttempts();

        /** Longest wait for a webhook receiver to accept the connection. */
        @WithDefault("3s")
        Duration webhookConnectTimeout();

        /** Longest wait for a webhook receiver's answer, once connected; no answer counts as a failed attempt. */
        @WithDefault("10s")
        Duration webhookTimeout();

        /**
         * How long before a directive's enforcement deadline an ISP whose appliances have not all applied it is
         * warned (once), by e-mail to its contact point and its webhooks ({@code directive.deadline-approaching}).
         */
        @WithDefault("5m")
        Duration deadlineWarning();

        /**
         * How long before an advisory's remediation deadline a recipient that has reported neither patched nor not
         * affected is warned (once per deadline), by e-mail and webhook ({@code advisory.deadline-approaching}).
         */
        @WithDefault("24h")
        Duration remediationWarning();

        /**
         * How long before the end of a day of an alert period (in {@code interdict.console.time-zone}) a recipient
         * that has not sent its situation report for the day is reminded (once), by e-mail and webhook
         * ({@code alert-period.report-due}).
         */
        @WithDefault("4h")
        Duration situationReportWarning();

        /**
         * How often the deadlines about to pass are looked at (the warnings of {@code deadline-warning},
         * {@code remediation-warning} and {@code situation-report-warning}). Each replica looks; one at a time does
         * the work (a PostgreSQL advisory lock), and a warning sent is remembered in the database, so none is sent
         * twice.
         */
        @WithDefault("60s")
        Duration deadlineCheckInterval();
    }

    interface Appeals {
        /** Time from an appeal's receipt within which a reviewer of each authority concerned must take it up. */
        @WithDefault("1d")
        Duration acknowledgeWithin();

        /** Time from an appeal's receipt within which each authority concerned must decide it (confirmed). */
        @WithDefault("5d")
        Duration decideWithin();

        /**
         * How long an interim suspension lasts at most: its allowlist entries are removed when the appeal is decided,
         * or at the latest this long after the suspension.
         */
        @WithDefault("7d")
        Duration suspensionLimit();

        /** How often the overdue counts ({@code interdict_appeals_overdue}) are computed again. */
        @WithDefault("60s")
        Duration metricsRefresh();
    }
}
