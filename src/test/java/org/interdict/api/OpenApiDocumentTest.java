package org.interdict.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code openapi/openapi.yaml} must be the document the code generates. When it differs, the fresh
 * one is written to {@code target/openapi.yaml}; run {@code scripts/update-openapi.sh} to take it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    private static final Path GENERATED = Path.of("target/openapi.yaml");

    @Test
    void committedDocumentIsCurrent() throws IOException {
        String generated = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, generated, StandardCharsets.UTF_8);
        assertThat(COMMITTED).as("openapi/openapi.yaml (refresh with scripts/update-openapi.sh)").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml is stale: run scripts/update-openapi.sh")
                .isEqualTo(generated);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
