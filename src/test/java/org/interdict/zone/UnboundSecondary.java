package org.interdict.zone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unbound with an {@code rpz:} clause: a secondary of one response policy zone, transferred from a primary on a
 * loopback port, answering queries on a port of its own. Unbound signs no transfer with TSIG, so its primary is
 * either the zone listener (which refuses it) or a BIND secondary relaying the zone ({@link NamedSecondary#relaying}).
 */
final class UnboundSecondary extends ResolverProcess {

    private UnboundSecondary(Path directory, Process process, int port) {
        super("unbound", directory, process, port);
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
        Process process = launch("unbound", directory, "/usr/sbin/unbound", "-d", "-c",
                directory.resolve("unbound.conf").toString());
        UnboundSecondary unbound = new UnboundSecondary(directory, process, port);
        unbound.awaitLog(log -> log.contains("start of service"), "unbound to start");
        return unbound;
    }
}
