package org.interdict.publish;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.interdict.compile.bench.CompileBenchmark;

/**
 * Publishes the synthetic national rule set to the Redis at {@code args[0]} (a {@code redis://} URL) the way the
 * service does, and prints {@code name: value} lines: the full snapshot (members per second) and the Redis part of
 * an incremental version (one rule added on top of the published base: the spare copy renamed plus the delta).
 * The caller measures the reference on the same server.
 */
public final class PublishBenchmark {

    private static final int RUNS = 3;
    private static final int INCREMENTS = 20;

    private PublishBenchmark() {}

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(args[0]).setMaxPoolSize(8));
        RedisKeys keys = new RedisKeys("interdict-bench");
        ContentWriter writer = new ContentWriter(new RedisLink(client, Duration.ofMinutes(2)), keys, 1000, 32);
        RuleSet base = CompileBenchmark.nationalRuleSet();
        System.out.println("rules: " + base.size());

        long best = Long.MAX_VALUE;
        double bestBusy = 0;
        for (int run = 0; run <= RUNS; run++) {
            writer.remove(base.digest());
            pause();
            double cpu = redisCpuSeconds(client);
            long start = System.nanoTime();
            writer.write(base, null, null);
            long took = System.nanoTime() - start;
            // The first run warms the JIT up and is not counted.
            if (run > 0 && took < best) {
                best = took;
                bestBusy = (redisCpuSeconds(client) - cpu) / (took / 1e9);
            }
        }
        long[] times = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            RuleSet next = withDomain(base, "zzzz-bench-" + i + ".vn");
            Delta delta = Delta.between(base, next);
            // As the service does between versions: a spare copy of the current content, ready to be renamed.
            writer.writeSpare(base);
            pause();
            long start = System.nanoTime();
            writer.write(next, base, delta);
            times[i] = System.nanoTime() - start;
            writer.remove(next.digest());
        }
        writer.remove(base.digest());
        Arrays.sort(times);
        System.out.printf("redis_incremental_p50_ms: %.1f%n", times[INCREMENTS / 2] / 1e6);
        System.out.printf("redis_incremental_p99_ms: %.1f%n", times[INCREMENTS - 1] / 1e6);
        System.out.printf("publish_ms: %.1f%n", best / 1e6);
        System.out.printf("members_per_s: %.0f%n", base.size() / (best / 1e9));
        // How busy the Redis server was meanwhile: near 1, the server is the limit, not this client.
        System.out.printf("redis_busy_share: %.2f%n", bestBusy);
        client.close();
        vertx.closeAndAwait();
    }

    /** The base plus one domain that sorts after every generated one. */
    private static RuleSet withDomain(RuleSet base, String domain) {
        Map<RuleType, String[]> rules = new EnumMap<>(RuleType.class);
        Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            String[] values = base.rules(type).toArray(String[]::new);
            long[][] ids = new long[values.length][];
            Arrays.fill(ids, new long[] {1});
            if (type == RuleType.DOMAIN) {
                values = Arrays.copyOf(values, values.length + 1);
                values[values.length - 1] = domain;
                ids = Arrays.copyOf(ids, ids.length + 1);
                ids[ids.length - 1] = new long[] {1};
            }
            rules.put(type, values);
            sources.put(type, ids);
        }
        return RuleSet.of(rules, sources);
    }

    /** The CPU time the Redis server has used, from {@code INFO cpu}. */
    private static double redisCpuSeconds(Redis client) {
        String info = client.sendAndAwait(Request.cmd(Command.INFO).arg("cpu")).toString();
        double seconds = 0;
        for (String line : info.split("\r\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1));
            }
        }
        return seconds;
    }

    /** Lets Redis free what UNLINK handed to its background thread before timing. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
