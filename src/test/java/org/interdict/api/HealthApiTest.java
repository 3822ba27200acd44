package org.interdict.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Health and metrics answer on the management port only; the API port does not serve them. */
@QuarkusTest
class HealthApiTest {

    // Management URLs are relative to the management interface's root path, /q.
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readinessChecksPostgresqlAndRedis() {
        given().get(health + "/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis connection health check"));
    }

    @Test
    void livenessAndMetricsAnswerOnTheManagementPort() {
        given().get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200);
    }

    @Test
    void theApiPortServesNeitherHealthNorMetrics() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
    }

    @Test
    void theApiDocumentStaysOnTheApiPort() {
        given().get("/q/openapi").then().statusCode(200);
    }
}
