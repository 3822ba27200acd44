package org.interdict.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application on two ports against the same PostgreSQL and Redis, as a Deployment
 * with two replicas would run them.
 */
class TwoReplicasIT {

    private static final String ISSUER = "https://interdict.test/replicas";
    private static final String DB = System.getenv().getOrDefault("DB_NAME", "interdict_test");
    private static final KeyPair JWT = generate("RSA");
    private static final String REDIS_PREFIX = "interdict-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<Instance> INSTANCES = new ArrayList<>();
    private static Path keys;

    record Instance(int port, int managementPort, Process process, Path log) {
        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Health and metrics are on the management port. */
        String management() {
            return "http://127.0.0.1:" + managementPort;
        }

        String ready() {
            return management() + "/q/health/ready";
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        keys = Files.createTempDirectory("interdict-replicas");
        Files.writeString(keys.resolve("jwt.pem"), pem("PUBLIC KEY", JWT.getPublic().getEncoded()));
        KeyPair signing = generate("Ed25519");
        Files.writeString(keys.resolve("signing-private.pem"), pem("PRIVATE KEY", signing.getPrivate().getEncoded()));
        Files.writeString(keys.resolve("signing-public.pem"), pem("PUBLIC KEY", signing.getPublic().getEncoded()));
        INSTANCES.add(start("a"));
        INSTANCES.add(start("b"));
        for (Instance instance : INSTANCES) {
            await("instance on port " + instance.port() + " ready", Duration.ofSeconds(90),
                    () -> statusOf(instance.ready()) == 200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        INSTANCES.forEach(i -> i.process().destroy());
        // Leaves the shared Redis as found: only this run's prefix is removed.
        new ProcessBuilder("bash", "-c", "redis-cli --scan --pattern '" + REDIS_PREFIX + ":*' | xargs -r redis-cli unlink")
                .inheritIO().start().waitFor();
    }

    @Test
    void fiftyApprovalsOverTwoInstancesMakeGaplessVersionsServedIdentically() throws Exception {
        String isp = newIsp(INSTANCES.get(0));
        List<Long> ids = IntStream.range(0, 50).mapToObj(i -> submitted(INSTANCES.get(i % 2), isp, "replica-" + i + ".example.vn"))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> approvals = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Instance instance = INSTANCES.get(i % 2);
            long id = ids.get(i);
            approvals.add(pool.submit(() -> as(instance, token("supervisor-it", "supervisor")).body(Map.of())
                    .post("/api/v1/directives/" + id + "/approve").statusCode()));
        }
        for (Future<Integer> approval : approvals) {
            assertThat(approval.get()).isEqualTo(200);
        }
        pool.shutdown();

        await("every approval compiled", Duration.ofSeconds(60), () -> currentRules(INSTANCES.get(1), isp).contains("replica-49.")
                && IntStream.range(0, 50).allMatch(i -> currentRules(INSTANCES.get(1), isp).contains("replica-" + i + ".")));
        List<Long> numbers = versionNumbers(isp);
        assertThat(numbers).isEqualTo(LongStreamRange.of(1, numbers.size()));

        // Every version reached the ISP's Redis stream exactly once, in order: entry ids are the version numbers.
        await("every version published", Duration.ofSeconds(30), () -> streamIds(isp).size() == numbers.size());
        assertThat(streamIds(isp)).isEqualTo(numbers.stream().map(n -> n + "-0").toList());

        Response a = as(INSTANCES.get(0), auditor()).queryParam("format", "rpz").get(current(isp));
        Response b = as(INSTANCES.get(1), auditor()).queryParam("format", "rpz").get(current(isp));
        assertThat(a.header("ETag")).isEqualTo(b.header("ETag"));
        assertThat(a.asByteArray()).isEqualTo(b.asByteArray());
    }

    @Test
    void metricsAndHealthAreServedOnTheManagementPortOnly() {
        Instance instance = INSTANCES.get(0);
        assertThat(statusOf(instance.management() + "/q/metrics")).isEqualTo(200);
        assertThat(statusOf(instance.url() + "/q/metrics")).isEqualTo(404);
        assertThat(statusOf(instance.url() + "/q/health/ready")).isEqualTo(404);
        assertThat(statusOf(instance.url() + "/q/openapi")).isEqualTo(200);
    }

    @Test
    void scheduledExpiryHappensOnce() throws Exception {
        String isp = newIsp(INSTANCES.get(0));
        long id = submitted(INSTANCES.get(0), isp, "expiring.example.vn", Instant.now().plusSeconds(4));
        as(INSTANCES.get(1), token("supervisor-it", "supervisor")).body(Map.of())
                .post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
        await("expiry applied", Duration.ofSeconds(30), () -> "EXPIRED".equals(query("select status from directive where id = " + id)));
        Thread.sleep(3000);
        assertThat(query("select count(*) from ruleset_change where directive_id = " + id + " and change = 'expired'"))
                .isEqualTo("1");
    }

    @Test
    void stoppingAnInstanceMidCompileLeavesNoHalfMadeVersion() throws Exception {
        Instance victim = start("victim");
        await("victim ready", Duration.ofSeconds(90), () -> statusOf(victim.ready()) == 200);
        String isp = newIsp(INSTANCES.get(0));
        long before = versionNumbers(isp).size();
        String big = IntStream.range(0, 60_000).mapToObj(i -> "bulk-" + i + ".example.vn").collect(Collectors.joining("\n"));
        long id = draft(victim, isp, null);
        given().baseUri(victim.url()).auth().oauth2(token("officer-it", "officer")).contentType("text/plain; charset=UTF-8")
                .body(big).post("/api/v1/directives/" + id + "/targets").then().statusCode(200);
        as(victim, token("officer-it", "officer")).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(victim, token("supervisor-it", "supervisor")).body(Map.of()).post("/api/v1/directives/" + id + "/approve")
                .then().statusCode(200);
        Thread.sleep(300);
        victim.process().destroyForcibly().waitFor();

        await("the surviving instances compile the change", Duration.ofSeconds(60),
                () -> "0".equals(query("select count(*) from ruleset_change where directive_id = " + id + " and compiled_at is null")));
        List<Long> numbers = versionNumbers(isp);
        assertThat(numbers.size()).isGreaterThan((int) before);
        assertThat(numbers).isEqualTo(LongStreamRange.of(1, numbers.size()));
        assertThat(query("select count(*) from ruleset_version v where isp_id = '" + isp + "' and content_key is not null"
                + " and not exists (select 1 from ruleset_content c where c.content_key = v.content_key)")).isEqualTo("0");
        JsonPath status = as(INSTANCES.get(0), auditor()).get("/api/v1/isps/" + isp + "/ruleset").jsonPath();
        assertThat(status.getInt("current.counts.DOMAIN")).isGreaterThanOrEqualTo(60_000);
    }

    // --- helpers ---

    private static Instance start(String name) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        Path log = keys.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("DB_NAME", DB);
        // People's tokens are signed with a local key; the development data registers the authority they name.
        env.put("LOCAL_TOKENS", "true");
        env.put("LOCAL_TOKEN_PUBLIC_KEY", Files.readString(keys.resolve("jwt.pem")));
        env.put("LOCAL_TOKEN_ISSUER", ISSUER);
        env.put("INTERDICT_DEVELOPMENT_DATA", "true");
        env.put("SIGNING_PRIVATE_KEY", keys.resolve("signing-private.pem").toString());
        env.put("SIGNING_PUBLIC_KEY", keys.resolve("signing-public.pem").toString());
        env.put("INTERDICT_RULESETS_POLL_INTERVAL", "1s");
        env.put("INTERDICT_LIFECYCLE_CHECK_INTERVAL", "1s");
        env.put("REDIS_KEY_PREFIX", REDIS_PREFIX);
        return new Instance(port, managementPort, builder.start(), log);
    }

    private static String newIsp(Instance instance) {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        as(instance, token("admin-it", "admin")).body(Map.of("id", id, "legalName", "IT " + id, "licenceNumber", "L"))
                .post("/api/v1/isps").then().statusCode(201);
        return id;
    }

    private static long draft(Instance instance, String isp, Instant expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("legalReference", "IT/" + UUID.randomUUID(),
                "title", "replica test", "issuedOn", "2026-11-25", "kind", "BLOCK",
                "category", "fraud", "audience", Map.of("isps", List.of(isp)),
                "effectiveFrom", Instant.now().minusSeconds(60).toString()));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        return as(instance, token("officer-it", "officer")).body(body).post("/api/v1/directives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long submitted(Instance instance, String isp, String target) {
        return submitted(instance, isp, target, null);
    }

    private static long submitted(Instance instance, String isp, String target, Instant expiresAt) {
        long id = draft(instance, isp, expiresAt);
        given().baseUri(instance.url()).auth().oauth2(token("officer-it", "officer")).contentType("text/plain; charset=UTF-8")
                .body(target).post("/api/v1/directives/" + id + "/targets").then().statusCode(200);
        as(instance, token("officer-it", "officer")).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static List<String> streamIds(String isp) {
        try {
            Process redis = new ProcessBuilder("redis-cli", "-h", System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1"),
                    "-p", System.getenv().getOrDefault("REDIS_PORT", "6379"), "--raw", "XRANGE",
                    REDIS_PREFIX + ":isp:" + isp + ":stream", "-", "+").redirectErrorStream(true).start();
            List<String> lines = new String(redis.getInputStream().readAllBytes()).lines().toList();
            redis.waitFor();
            return lines.stream().filter(line -> line.matches("\\d+-\\d+")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String currentRules(Instance instance, String isp) {
        Response response = as(instance, auditor()).queryParam("format", "txt").get(current(isp));
        return response.statusCode() == 200 ? response.asString() : "";
    }

    private static List<Long> versionNumbers(String isp) throws SQLException {
        List<Long> numbers = new ArrayList<>();
        try (Connection c = connect(); ResultSet rows = c.createStatement()
                .executeQuery("select number from ruleset_version where isp_id = '" + isp + "' order by number")) {
            while (rows.next()) {
                numbers.add(rows.getLong(1));
            }
        }
        return numbers;
    }

    private static String query(String sql) {
        try (Connection c = connect(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        var env = System.getenv();
        return DriverManager.getConnection("jdbc:postgresql://" + env.getOrDefault("DB_HOST", "127.0.0.1") + ":"
                + env.getOrDefault("DB_PORT", "5432") + "/" + DB, env.getOrDefault("DB_USER", "postgres"),
                env.getOrDefault("DB_PASSWORD", ""));
    }

    private static io.restassured.specification.RequestSpecification as(Instance instance, String token) {
        return given().baseUri(instance.url()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String auditor() {
        return token("auditor-it", "auditor");
    }

    private static String token(String subject, String role) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).groups(Set.of(role)).expiresIn(3600);
        if (role.equals("officer") || role.equals("supervisor")) {
            claims.claim("authority", "mic");
        }
        return claims.sign(JWT.getPrivate());
    }

    private static String current(String isp) {
        return "/api/v1/isps/" + isp + "/ruleset/current";
    }

    private static int statusOf(String url) {
        try {
            return given().get(url).statusCode();
        } catch (Exception e) { // connection refused while the instance starts
            return -1;
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 1..n as longs, the expected run of version numbers. */
    private static final class LongStreamRange {
        static List<Long> of(long from, long to) {
            return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
        }
    }
}
