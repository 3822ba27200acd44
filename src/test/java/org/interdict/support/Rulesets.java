package org.interdict.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Waits for the compiler, which runs after the request that triggered it has answered. */
public final class Rulesets {

    private Rulesets() {}

    /** The ISP's rule-set status once {@code condition} holds; fails after 30 s. */
    public static JsonPath await(String isp, Predicate<JsonPath> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath last = null;
        while (Instant.now().isBefore(deadline)) {
            var response = Api.as(Api.AUDITOR).get("/api/v1/isps/" + isp + "/ruleset");
            if (response.statusCode() == 200) {
                last = response.jsonPath();
                if (condition.test(last)) {
                    return last;
                }
            }
            pause();
        }
        assertThat(last == null ? null : last.prettify()).as("rule set of %s never reached the expected state", isp)
                .isEqualTo("a state matching the condition");
        return last;
    }

    /** The current version number once the ISP has one. */
    public static long current(String isp) {
        return await(isp, status -> status.get("current.version") != null).getLong("current.version");
    }

    /** Waits until the compiler consumed every recorded change, so that the versions are settled. */
    public static void settle() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if ("0".equals(Db.queryString("select count(*) from ruleset_change where compiled_at is null"))) {
                return;
            }
            pause();
        }
        assertThat(Db.queryString("select count(*) from ruleset_change where compiled_at is null"))
                .as("pending rule-set changes").isEqualTo("0");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
