package org.interdict.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * A key prefix of its own for each test run, so tests share the developer's Redis without touching anyone's keys;
 * the run's keys are removed at the end (the shared Redis is never flushed).
 */
public class RedisPrefix implements QuarkusTestResourceLifecycleManager {

    private String prefix;

    @Override
    public Map<String, String> start() {
        prefix = "interdict-test-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("interdict.publish.key-prefix", prefix);
    }

    @Override
    public void stop() {
        String host = System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("REDIS_PORT", "6379");
        // Test clean-up only: the service itself never scans, it keeps an index of what it wrote.
        String cli = "redis-cli -h " + host + " -p " + port;
        try {
            new ProcessBuilder("sh", "-c", cli + " --scan --pattern '" + prefix + ":*' | xargs -r -n 500 " + cli + " unlink")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            System.err.println("Could not remove the test keys " + prefix + ":*: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
