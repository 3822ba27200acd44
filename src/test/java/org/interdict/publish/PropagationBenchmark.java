package org.interdict.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times the incremental case of the performance brief against a running service: a supervisor approves a
 * one-target directive on top of the national base, until the new version is current over REST and in Redis (its
 * current key, pointing at sets that hold the new rule). Each repetition starts from a quiet service.
 *
 * <p>Arguments: service URL, ISP, officer token, supervisor token, Redis URL, key prefix, repetitions, warm-ups.
 * Prints {@code name: value} lines.
 */
public final class PropagationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long QUIET_MILLIS = 3000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String service;
    private final String isp;
    private final String officer;
    private final String supervisor;
    private final Redis redis;
    private final String prefix;

    private PropagationBenchmark(String[] args, Redis redis) {
        this.service = args[0];
        this.isp = args[1];
        this.officer = args[2];
        this.supervisor = args[3];
        this.redis = redis;
        this.prefix = args[5];
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(args[4]));
        PropagationBenchmark bench = new PropagationBenchmark(args, client);
        int repetitions = Integer.parseInt(args[6]);
        int warmups = Integer.parseInt(args[7]);
        long[] times = new long[repetitions];
        for (int i = -warmups; i < repetitions; i++) {
            long millis = bench.once("propagation-" + i + "-" + System.nanoTime() + ".example-propagation.vn");
            if (i >= 0) {
                times[i] = millis;
                System.err.printf("[bench-publish] repetition %d: %d ms%n", i + 1, millis);
            }
        }
        Arrays.sort(times);
        System.out.println("propagation_runs: " + repetitions);
        System.out.println("propagation_min_ms: " + times[0]);
        System.out.println("propagation_p50_ms: " + times[(repetitions - 1) / 2]);
        // Nearest rank: with 20 runs the 99th percentile is the slowest.
        System.out.println("propagation_p99_ms: " + times[(int) Math.ceil(0.99 * repetitions) - 1]);
        client.close();
        vertx.closeAndAwait();
    }

    /** One approval, timed from the request until REST and Redis both show the new version. */
    private long once(String domain) throws IOException, InterruptedException {
        Thread.sleep(QUIET_MILLIS);
        String from = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        long directive = send(officer, "POST", "/api/v1/directives", Map.of("legalReference", "PROPAGATION",
                "title", "Propagation benchmark", 
                "issuedOn", "2026-11-20", "kind", "BLOCK", "category", "phishing",
                "audience", Map.of("isps", List.of(isp)), "effectiveFrom", from)).get("id").asLong();
        send(officer, "POST", "/api/v1/directives/" + directive + "/targets", List.of(Map.of("value", domain)));
        send(officer, "POST", "/api/v1/directives/" + directive + "/submit", null);
        long before = send(supervisor, "GET", "/api/v1/isps/" + isp + "/ruleset", null).path("current").path("version").asLong();

        long start = System.nanoTime();
        send(supervisor, "POST", "/api/v1/directives/" + directive + "/approve", Map.of("confirmFlaggedTargets", List.of()));
        boolean inRest = false;
        boolean inRedis = false;
        while (!(inRest && inRedis)) {
            if (System.nanoTime() - start > 60_000_000_000L) {
                throw new IllegalStateException("version " + (before + 1) + " not propagated within a minute");
            }
            inRest = inRest || send(supervisor, "GET", "/api/v1/isps/" + isp + "/ruleset", null)
                    .path("current").path("version").asLong() > before;
            inRedis = inRedis || redisVersion() > before;
            if (!(inRest && inRedis)) {
                Thread.sleep(2);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        requireRuleInRedis(domain);
        return millis;
    }

    private long redisVersion() {
        Response version = redis.sendAndAwait(Request.cmd(Command.HGET).arg(prefix + ":isp:" + isp + ":current").arg("version"));
        return version == null ? 0 : version.toLong();
    }

    /** The figure counts only if the current content really holds the new rule. */
    private void requireRuleInRedis(String domain) {
        RedisAPI api = RedisAPI.api(redis);
        String content = api.hgetAndAwait(prefix + ":isp:" + isp + ":current", "content").toString();
        if (api.sismemberAndAwait(content + ":domain", domain).toInteger() != 1) {
            throw new IllegalStateException(domain + " is not in " + content + ":domain");
        }
    }

    private JsonNode send(String token, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
