package org.interdict.zone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * BIND's {@code named} as a secondary of zones served by the zone listener, each with its own TSIG key, and using
 * them as response policy zones. It runs as a child process on a free loopback port, in a temporary directory
 * holding its configuration, zone files and log.
 */
final class NamedSecondary implements AutoCloseable {

    private final Path directory;
    private final Process process;
    private final int port;

    private NamedSecondary(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Starts named with one secondary zone per entry, transferred from {@code primaryPort} with the entry's key. */
    static NamedSecondary start(int primaryPort, Map<String, Dig.Key> zones) throws IOException {
        return start(primaryPort, zones, "");
    }

    /**
     * Like {@link #start(int, Map)}, and also a primary of the zones for a resolver of its own on {@code downstreamPort}
     * of this host: it lets that resolver transfer them without a key and tells it of each change at once.
     */
    static NamedSecondary relaying(int primaryPort, Map<String, Dig.Key> zones, int downstreamPort)
            throws IOException {
        return start(primaryPort, zones, " allow-transfer { 127.0.0.1; }; notify explicit; notify-delay 0;"
                + " also-notify { 127.0.0.1 port " + downstreamPort + "; };");
    }

    private static NamedSecondary start(int primaryPort, Map<String, Dig.Key> zones, String zoneOptions)
            throws IOException {
        Path directory = Files.createTempDirectory("named-secondary");
        int port = freePort();
        String keys = zones.values().stream().distinct().map(k -> "key \"" + k.name() + "\" { algorithm hmac-sha256;"
                + " secret \"" + k.secret() + "\"; };\n").collect(Collectors.joining());
        String zoneStatements = zones.entrySet().stream().map(z -> "zone \"" + z.getKey() + "\" { type secondary;"
                + " primaries port " + primaryPort + " { 127.0.0.1 key \"" + z.getValue().name() + "\"; };"
                + " file \"" + directory.resolve(z.getKey() + "db") + "\"; allow-notify { 127.0.0.1; };" + zoneOptions + " };\n")
                .collect(Collectors.joining());
        // Applied at once on every transfer: by default BIND waits up to a minute between two updates of a policy zone.
        String policies = zones.keySet().stream().map(z -> "zone \"" + z + "\" min-update-interval 0;")
                .collect(Collectors.joining(" "));
        // Every name under example.vn exists here, so that only the policy makes one NXDOMAIN (there is no network
        // to recurse to, and a name found nowhere would be NXDOMAIN without any policy).
        Files.writeString(directory.resolve("example.vn.db"), """
                $TTL 60
                @ SOA localhost. hostmaster.localhost. 1 3600 600 86400 60
                @ NS localhost.
                * A 192.0.2.1
                """);
        Files.writeString(directory.resolve("named.conf"), """
                options {
                    directory "%1$s";
                    pid-file "%1$s/named.pid";
                    session-keyfile "%1$s/session.key";
                    managed-keys-directory "%1$s";
                    listen-on port %2$d { 127.0.0.1; };
                    listen-on-v6 { none; };
                    recursion yes;
                    allow-query { any; };
                    allow-recursion { any; };
                    dnssec-validation no;
                    notify no;
                    response-policy { %3$s } qname-wait-recurse no;
                };
                controls { };
                logging {
                    channel everything { file "%1$s/named.log"; severity debug 3; print-category yes; };
                    category default { everything; };
                    category xfer-in { everything; };
                    category notify { everything; };
                    category rpz { everything; };
                };
                zone "example.vn" { type primary; file "%1$s/example.vn.db"; };
                %4$s%5$s""".formatted(directory, port, policies, keys, zoneStatements));
        Process process = new ProcessBuilder("/usr/sbin/named", "-f", "-4", "-d", "3", "-c", directory.resolve("named.conf")
                .toString()).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(directory.resolve("named.out").toFile()).start();
        NamedSecondary named = new NamedSecondary(directory, process, port);
        named.awaitLog(log -> log.contains("running"), "named to start");
        return named;
    }

    int port() {
        return port;
    }

    String log() {
        try {
            Path log = directory.resolve("named.log");
            return (Files.exists(log) ? Files.readString(log) : "") + Files.readString(directory.resolve("named.out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 30 s for the log to satisfy {@code condition}; fails naming {@code what}, with the log. */
    void awaitLog(Predicate<String> condition, String what) {
        await(() -> condition.test(log()), what);
    }

    /** Waits up to 30 s for dig's answer from this named to satisfy {@code condition}. */
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
                throw new AssertionError("named exited while waiting for " + what + ":\n" + log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; named's log:\n" + log());
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
