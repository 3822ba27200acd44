package org.interdict.zone;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * BIND's {@code named} as a secondary of zones served by the zone listener, each with its own TSIG key, and using
 * them as response policy zones. It runs as a child process on a free loopback port, in a temporary directory
 * holding its configuration, zone files and log.
 */
final class NamedSecondary extends ResolverProcess {

    private NamedSecondary(Path directory, Process process, int port) {
        super("named", directory, process, port);
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
                    channel everything { file "%1$s/named.log"; severity debug 3; print-time yes; print-category yes; };
                    category default { everything; };
                    category xfer-in { everything; };
                    category notify { everything; };
                    category rpz { everything; };
                };
                zone "example.vn" { type primary; file "%1$s/example.vn.db"; };
                %4$s%5$s""".formatted(directory, port, policies, keys, zoneStatements));
        Process process = launch("named", directory, "/usr/sbin/named", "-f", "-4", "-d", "3", "-c",
                directory.resolve("named.conf").toString());
        NamedSecondary named = new NamedSecondary(directory, process, port);
        named.awaitLog(log -> log.contains("running"), "named to start");
        return named;
    }

    /** A loopback port free for both TCP and UDP: a DNS server listens on both, and fails when either is taken. */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (SocketException taken) {
                // The TCP port's UDP twin is in use (resolvers' outgoing queries take ports of that range): another.
            }
        }
    }
}
