package org.interdict.zone;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.interdict.config.InterdictConfig;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.version.CoalescingRun;
import org.interdict.version.NewVersion;
import org.jboss.logging.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * Tells each ISP's secondaries of its new versions with a NOTIFY (RFC 1996) signed with the ISP's newest key, at
 * once after a version is made here and on every retry interval after, until each secondary acknowledges it with an
 * answer signed with that key. What each secondary acknowledged is kept in the database, so a restart or another
 * replica carries on where this one stopped, and each run holds a PostgreSQL advisory lock, so that one replica at a
 * time sends them.
 */
@ApplicationScoped
public class ZoneNotifier {

    private static final Logger LOG = Logger.getLogger(ZoneNotifier.class);
    /** Arbitrary, fixed: the advisory lock every replica takes to send NOTIFY. */
    static final long NOTIFY_LOCK = 0x2d0_9e_1f7L;

    private final AgroalDataSource dataSource;
    private final ZoneKeys keys;
    private final ZoneRequests requests;
    private final RuleSetQueries queries;
    private final InterdictConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final CoalescingRun runs = new CoalescingRun("zone-notifier", this::run);
    /** The next run tells every secondary of its ISP's current version, acknowledged before or not. */
    private volatile boolean everyone;

    /** What one secondary answered: null when it acknowledged, else why not. */
    private record Outcome(ZoneSecondary secondary, long version, String error) {}

    public ZoneNotifier(AgroalDataSource dataSource, ZoneKeys keys, ZoneRequests requests, RuleSetQueries queries,
            InterdictConfig config, MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.requests = requests;
        this.queries = queries;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    void onStop(@Observes ShutdownEvent event) {
        runs.stop();
    }

    /** Fired after the version's transaction committed. */
    void onNewVersion(@Observes NewVersion version) {
        request();
    }

    @Scheduled(every = "${interdict.zone.notify-retry-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        request();
    }

    /** Asks for a run soon that tells every secondary, as after the listener started. */
    void announce() {
        everyone = true;
        request();
    }

    /** Asks for a run soon; joins one that is scheduled and not yet started. */
    void request() {
        if (config.zone().enabled()) {
            runs.request();
        }
    }

    private void run() {
        try (Connection c = dataSource.getConnection()) {
            // A session lock on a connection in auto-commit: the answers are waited for with no transaction open, and
            // each outcome is its own short update, so that no secondary's row stays locked while others are asked
            // (removing a secondary meanwhile is not refused as a concurrent change).
            if (!lock(c, "pg_try_advisory_lock")) {
                return;
            }
            try {
                boolean all = everyone;
                everyone = false;
                notifyAll(c, all);
            } finally {
                lock(c, "pg_advisory_unlock");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "NOTIFY run failed; retrying");
        }
    }

    /**
     * Sends every pending NOTIFY ({@code all}: one to every secondary) at once, waits for the answers (each within
     * the timeout), and records them.
     */
    private void notifyAll(Connection c, boolean all) throws SQLException {
        Map<String, List<ZoneRepository.Pending>> byIsp = new LinkedHashMap<>();
        for (ZoneRepository.Pending pending : ZoneRepository.pendingNotifies(c, all)) {
            byIsp.computeIfAbsent(pending.secondary().isp(), isp -> new ArrayList<>()).add(pending);
        }
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<ZoneRepository.Pending>> isp : byIsp.entrySet()) {
            ZoneKeys.Opened key = keys.newest(c, isp.getKey());
            VersionView current = queries.current(isp.getKey());
            for (ZoneRepository.Pending pending : isp.getValue()) {
                if (key == null || current == null) {
                    outcomes.add(CompletableFuture.completedFuture(new Outcome(pending.secondary(), pending.version(),
                            "the ISP has no active TSIG key to sign a NOTIFY with")));
                } else {
                    outcomes.add(send(pending.secondary(), current, key));
                }
            }
        }
        for (CompletableFuture<Outcome> future : outcomes) {
            record(c, future.join());
        }
    }

    private CompletableFuture<Outcome> send(ZoneSecondary secondary, VersionView current, ZoneKeys.Opened key) {
        Name zone = requests.origin(current.isp());
        Message notify = new Message();
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        notify.addRecord(Record.newRecord(zone, Type.SOA, DClass.IN), Section.QUESTION);
        SimpleResolver resolver;
        try {
            notify.addRecord(requests.soa(current), Section.ANSWER);
            resolver = resolver(secondary, key);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(new Outcome(secondary, current.version(), e.getMessage()));
        }
        return resolver.sendAsync(notify).toCompletableFuture()
                .thenApply(answer -> new Outcome(secondary, current.version(), problem(answer)))
                .exceptionally(e -> new Outcome(secondary, current.version(), "no answer: "
                        + (e.getCause() == null ? e : e.getCause()).getMessage()));
    }

    private SimpleResolver resolver(ZoneSecondary secondary, ZoneKeys.Opened key) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getByName(secondary.address()),
                secondary.port()));
        resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, Name.fromString(key.name()), key.secret()));
        resolver.setTimeout(config.zone().notifyTimeout());
        return resolver;
    }

    /** Why an answer is no acknowledgement, or null when it is one. */
    private static String problem(Message answer) {
        if (answer.getHeader().getOpcode() != Opcode.NOTIFY) {
            return "answered with opcode " + Opcode.string(answer.getHeader().getOpcode());
        }
        if (answer.getRcode() != Rcode.NOERROR) {
            return "answered " + Rcode.string(answer.getRcode());
        }
        if (!answer.isVerified()) {
            return "the answer is not signed with the key";
        }
        return null;
    }

    private void record(Connection c, Outcome outcome) throws SQLException {
        ZoneSecondary secondary = outcome.secondary();
        String target = secondary.address() + " port " + secondary.port() + " (ISP " + secondary.isp() + ")";
        if (outcome.error() == null) {
            LOG.infof("NOTIFY of serial %d acknowledged by %s", Serials.of(outcome.version()), target);
        } else if (!Objects.equals(outcome.error(), secondary.notifyError())) {
            // Said once per new reason: the retries repeat it every interval.
            LOG.warnf("NOTIFY of serial %d to %s not acknowledged: %s", Serials.of(outcome.version()), target,
                    outcome.error());
        }
        ZoneRepository.notified(c, secondary.id(), outcome.version(), outcome.error(), clock.instant());
        Counter.builder("interdict.zone.notifies").description("NOTIFY messages sent, by ISP and outcome")
                .tag("isp", secondary.isp()).tag("outcome", outcome.error() == null ? "acknowledged" : "failed")
                .register(registry).increment();
    }

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?)")) {
            s.setLong(1, NOTIFY_LOCK);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
