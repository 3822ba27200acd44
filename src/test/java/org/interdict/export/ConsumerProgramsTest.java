package org.interdict.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the exports to the programs that load them, on a rule set with IDNs, trees, exact names below and
 * inside trees, the longest legal names, and IPv4/IPv6 blocks. The programs come from Debian packages that
 * the test script installs; a missing program fails the test with the package to install, because a skipped
 * check would pass unnoticed.
 */
class ConsumerProgramsTest {

    private static RuleSet rules;
    private static RenderContext context;

    @TempDir
    Path dir;

    @BeforeAll
    static void ruleSet() {
        rules = TestRuleSets.forConsumers();
        context = TestRuleSets.context(rules);
    }

    @Test
    void namedCheckzoneLoadsTheResponsePolicyZone() throws Exception {
        Path zone = render("rpz", context);
        Result result = run(List.of(program("named-checkzone", "bind9-utils"),
                "-k", "fail", "-i", "full", "rpz.interdict.", zone.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK");

        Result landing = run(List.of(program("named-checkzone", "bind9-utils"), "-k", "fail",
                "rpz.interdict.", render("rpz", context.withLandingPage("blocked.example.vn", List.of())).toString()));
        assertThat(landing.exitCode()).as(landing.output()).isZero();
    }

    @Test
    void unboundCheckconfAcceptsTheLocalZones() throws Exception {
        for (RenderContext variant : List.of(context, context.withLandingPage("blocked.example.vn", List.of()))) {
            Path zones = render("unbound", variant);
            // A minimal server configuration around the include; no chroot or user switch, so the check needs
            // nothing from the machine's own Unbound setup.
            Path conf = dir.resolve("unbound.conf");
            Files.writeString(conf, "server:\n"
                    + "  chroot: \"\"\n"
                    + "  username: \"\"\n"
                    + "  directory: \"" + dir + "\"\n"
                    + "  pidfile: \"\"\n"
                    + "include: \"" + zones + "\"\n");
            Result result = run(List.of(program("unbound-checkconf", "unbound"), conf.toString()));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("no errors");
        }
    }

    @Test
    void dnsmasqAcceptsTheConfiguration() throws Exception {
        for (RenderContext variant : List.of(context,
                context.withLandingPage("blocked.example.vn", List.of("203.0.113.80", "2001:db8::80")))) {
            Path conf = render("dnsmasq", variant);
            // --conf-file replaces the default /etc/dnsmasq.conf, so only our file is checked.
            Result result = run(List.of(program("dnsmasq", "dnsmasq"), "--test", "--conf-file=" + conf));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("syntax check OK");
        }
    }

    /**
     * {@code nft -c} still talks to the kernel (it checks the batch without committing it), so it needs
     * CAP_NET_ADMIN: it runs as root in a new, empty network namespace ({@code unshare -n}), which keeps the
     * check independent of the machine's own ruleset and proves the file creates the table it needs. In the
     * same throwaway namespace the file is then really loaded twice: the second load exercises the path where
     * the table and sets already exist and are flushed and refilled.
     */
    @Test
    void nftAcceptsAndLoadsTheSets() throws Exception {
        Path script = render("nftables", context);
        String nft = program("nft", "nftables");
        String unshare = program("unshare", "util-linux");
        Result check = run(List.of(unshare, "-n", nft, "-c", "-f", script.toString()));
        assertThat(check.exitCode()).as("nft -c in a new network namespace (needs root): %s", check.output())
                .isZero();

        Result load = run(List.of(unshare, "-n", "sh", "-c",
                "\"$0\" -f \"$1\" && \"$0\" -f \"$1\" && \"$0\" list set inet interdict blocked_v6", nft,
                script.toString()));
        assertThat(load.exitCode()).as(load.output()).isZero();
        assertThat(load.output()).contains("2001:db9::1", "2a00::/16");
    }

    /**
     * Runs dnsmasq on a loopback port with the small golden rule set and asks it: an exact name answers
     * NXDOMAIN while the names below it are passed upstream (a dead address here, so they time out or fail,
     * but are not NXDOMAIN), and a tree answers NXDOMAIN all the way down.
     */
    @Test
    void dnsmasqBlocksExactNamesWithoutTheirSubdomains() throws Exception {
        RuleSet small = TestRuleSets.small();
        Path conf = dir.resolve("small.dnsmasq.conf");
        try (OutputStream out = Files.newOutputStream(conf)) {
            Renderers.get("dnsmasq").render(small, TestRuleSets.context(small), out);
        }
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process dnsmasq = new ProcessBuilder(program("dnsmasq", "dnsmasq"), "--keep-in-foreground",
                "--conf-file=" + conf, "--no-hosts", "--no-resolv", "--server=127.0.0.9", "--port=" + port,
                "--listen-address=127.0.0.1", "--bind-interfaces", "--pid-file=", "--user=root")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
        try {
            assertThat(rcode(port, "example.vn")).isEqualTo(NXDOMAIN);
            assertThat(rcode(port, "other.example.vn")).isNotEqualTo(NXDOMAIN);
            assertThat(rcode(port, "sub.example.vn")).isEqualTo(NXDOMAIN);
            assertThat(rcode(port, "a.b.sub.example.vn")).isEqualTo(NXDOMAIN);
            assertThat(rcode(port, "gambling.vn")).isEqualTo(NXDOMAIN);
            assertThat(rcode(port, "www.gambling.vn")).isEqualTo(NXDOMAIN);
            assertThat(rcode(port, "x.www.gambling.vn")).isEqualTo(NXDOMAIN);
        } finally {
            dnsmasq.destroy();
            dnsmasq.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static final int NXDOMAIN = 3;
    private static final int NO_ANSWER = -1;

    /** The response code of an A query, or {@link #NO_ANSWER}; waits for dnsmasq to come up. */
    private static int rcode(int port, String name) throws IOException, InterruptedException {
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        query.write(new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            query.write(label.length());
            query.write(label.getBytes(StandardCharsets.US_ASCII));
        }
        query.write(new byte[] {0, 0, 1, 0, 1});
        byte[] bytes = query.toByteArray();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(500);
            for (int attempt = 0; attempt < 10; attempt++) {
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
                byte[] answer = new byte[512];
                DatagramPacket packet = new DatagramPacket(answer, answer.length);
                try {
                    socket.receive(packet);
                    return answer[3] & 0x0f;
                } catch (SocketTimeoutException e) {
                    // Not started yet, or forwarded to the dead upstream: ask again.
                }
            }
        }
        return NO_ANSWER;
    }

    private Path render(String format, RenderContext variant) throws IOException {
        Path file = dir.resolve(Renderers.get(format).fileName(variant.isp(), variant.version()));
        RenderReport report;
        try (OutputStream out = Files.newOutputStream(file)) {
            report = Renderers.get(format).render(rules, variant, out);
        }
        // The set is built so that only RPZ meets names it cannot encode (the longest legal names).
        if (!format.equals("rpz")) {
            assertThat(report.rejected()).as(format).isEmpty();
        } else {
            assertThat(report.rejected()).extracting(RenderReport.Rejected::type)
                    .containsOnly(RuleType.DOMAIN, RuleType.DOMAIN_TREE).hasSize(2);
        }
        return file;
    }

    /** The program's path; a missing one fails the test with the Debian package that provides it. */
    static String program(String name, String debianPackage) {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty()) {
                candidates.add(Path.of(entry, name));
            }
        }
        // Administration tools live in sbin, often missing from a non-login PATH.
        for (String sbin : List.of("/usr/local/sbin", "/usr/sbin", "/sbin")) {
            candidates.add(Path.of(sbin, name));
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("%s not found: install the Debian package %s (scripts/install-consumers.sh does)", name,
                debianPackage);
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("timed out: %s", command);
        }
        return new Result(process.exitValue(), String.join(" ", command) + "\n"
                + new String(output, StandardCharsets.UTF_8));
    }
}
