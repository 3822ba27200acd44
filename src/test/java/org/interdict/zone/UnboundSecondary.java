package org.interdict.zone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Unbound with an {@code rpz:} clause: a secondary of one response policy zone, transferred from a primary on a
 * loopback port, answering queries on a port of its own. Unbound signs no transfer with TSIG, so its primary is
 * either the zone listener (which refuses it) or a BIND secondary relaying the zone ({@link NamedSecondary#relaying}).
 */
final class UnboundSecondary implements AutoCloseable {

    private final Path directory;
    private final Process process;
    private final int port;

    private UnboundSecondary(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Starts unbound on {@code port}, taking {@code zone} from {@code primaryPort} and NOTIFY from this host. */
    static UnboundSecondary start(int port, String zone, int primaryPort) throws IOException {
        Path directory = Files.createTempDirectory("unbound-secondary");
        // As for named: every name under example.vn exists, so that only the policy makes one NXDOMAIN.
        Files.writeString(directory.resolve("example.vn.db"), """
                $TTL 60
                @ SOA localhost. hostmaster.localhost. 1 3600 600 86400 60
                @ NS localhost.
                * A 192.0.2.1
                """);
        Files.writeString(directory.resolve("unbound.conf"), """
                server:
                    username: ""
                    chroot: ""
                    directory: "%1$s"
                    pidfile: "%1$s/unbound.pid"
                    use-syslog: no
                    logfile: "%1$s/unbound.log"
                    verbosity: 3
                    interface: 127.0.0.1@%2$d
                    port: %2$d
                    do-ip6: no
                    access-control: 127.0.0.0/8 allow
                    module-config: "respip iterator"
                auth-zone:
                    name: "example.vn."
                    zonefile: "%1$s/example.vn.db"
                    for-downstream: no
                    for-upstream: yes
                rpz:
                    name: "%3$s"
                    primary: 127.0.0.1@%4$d
                    allow-notify: 127.0.0.1
                    zonefile: "%1$s/rpz.zone"
                    rpz-log: yes
                """.formatted(directory, port, zone, primaryPort));
        Process process = new ProcessBuilder("/usr/sbin/unbound", "-d", "-c", directory.resolve("unbound.conf")
                .toString()).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("unbound.out").toFile()).start();
        UnboundSecondary unbound = new UnboundSecondary(directory, process, port);
        unbound.awaitLog(log -> log.contains("start of service"), "unbound to start");
        return unbound;
    }

    int port() {
        return port;
    }

    String log() {
        try {
            Path log = directory.resolve("unbound.log");
            return (Files.exists(log) ? Files.readString(log) : "") + Files.readString(directory.resolve("unbound.out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 30 s for the log to satisfy {@code condition}; fails naming {@code what}, with the log. */
    void awaitLog(Predicate<String> condition, String what) {
        await(() -> condition.test(log()), what);
    }

    /** Waits up to 30 s for dig's answer from this unbound to satisfy {@code condition}. */
    String awaitAnswer(Predicate<String> condition, String what, String... query) {
        String[] last = new String[1];
        await(() -> condition.test(last[0] = Dig.query(port, null, query)), what + "; last answer: " + last[0]);
        return last[0];
    }

    private void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("unbound exited while waiting for " + what + ":\n" + log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; unbound's log:\n" + log());
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
