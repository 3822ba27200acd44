package org.interdict.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/** Every cache of the service shows its hits, misses and evictions in the Prometheus metrics. */
@QuarkusTest
class CacheMetricsApiTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    private static final List<String> CACHES = List.of("ruleset-contents", "ruleset-deltas", "ruleset-current",
            "render-reports", "signatures", "appliance-tokens");

    @Test
    void everyCacheCountsHitsMissesAndEvictions() {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        String token = Api.registerAppliance(isp, "resolver-metrics");
        String current = "/api/v1/isps/" + isp + "/ruleset/current";
        double hitsBefore = value(metrics(), "cache_gets_total", "appliance-tokens", "hit");

        String etag = given().auth().oauth2(token).get(current).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).header("If-None-Match", etag).get(current).then().statusCode(304);

        String metrics = metrics();
        for (String cache : CACHES) {
            assertThat(value(metrics, "cache_gets_total", cache, "hit")).as(cache + " hits").isNotNegative();
            assertThat(value(metrics, "cache_gets_total", cache, "miss")).as(cache + " misses").isNotNegative();
            assertThat(value(metrics, "cache_evictions_total", cache, null)).as(cache + " evictions").isNotNegative();
        }
        // The first request read the token from PostgreSQL; the poll found it in memory.
        assertThat(value(metrics, "cache_gets_total", "appliance-tokens", "hit")).isGreaterThan(hitsBefore);
    }

    private String metrics() {
        return given().get(metricsUrl.toString()).then().statusCode(200).extract().asString();
    }

    /** The value of one series, or -1 when the metrics do not have it. */
    private static double value(String metrics, String name, String cache, String result) {
        String labels = "cache=\"" + cache + "\"" + (result == null ? "" : ",result=\"" + result + "\"");
        Matcher m = Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(labels) + "} (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
