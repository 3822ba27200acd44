package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.interdict.notification.MailServer;
import org.interdict.notification.WebhookReceiver;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.interdict.support.Waits;
import org.junit.jupiter.api.Test;

/** A version the circuit breaker holds is told to the authority whose orders it changes: e-mail and webhook. */
@QuarkusTest
class HeldNoticesApiTest {

    private final ObjectMapper json = new ObjectMapper();

    private static String[] names(String prefix, int count) {
        String unique = Api.unique(prefix);
        return IntStream.range(0, count).mapToObj(i -> "n" + i + "." + unique + ".example.vn").toArray(String[]::new);
    }

    private static long approved(String officer, String supervisor, String isp, String... lines) {
        Map<String, Object> body = new HashMap<>(Api.directive(Api.unique("HELD"), Instant.now().minusSeconds(60),
                null));
        body.put("audience", Map.of("isps", List.of(isp)));
        long id = as(officer).body(body).post("/api/v1/directives").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.addTargetsAs(officer, id, lines);
        as(officer).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        as(supervisor).body(Map.of()).post("/api/v1/directives/" + id + "/approve").then().statusCode(200);
        return id;
    }

    @Test
    void theAuthorityWhoseRevocationIsHeldIsToldByEmailAndSignedWebhook() throws Exception {
        String isp = Api.newIsp();
        String authority = Api.unique("dic-held");
        as(Api.ADMIN).body(Map.of("id", authority, "nameVi", "Sở " + authority, "nameEn", "Department " + authority,
                "level", "PROVINCIAL", "parent", "mic", "scope", Map.of("isps", List.of(isp)),
                "contacts", List.of(Map.of("department", "Trực ban", "email", "duty@" + authority + ".example"))))
                .post("/api/v1/authorities").then().statusCode(201);
        String officer = Tokens.ofAuthority(authority, "held-officer", "officer");
        String supervisor = Tokens.ofAuthority(authority, "held-supervisor", "supervisor");
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            String secret = as(officer).body(Map.of("url", hook.url("/hook"))).post("/api/v1/webhooks").then()
                    .statusCode(201).extract().path("secret");
            long base = approved(officer, supervisor, isp, names("base", 1200));
            Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) base));
            long big = approved(officer, supervisor, isp, names("big", 300));
            Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) big));
            as(supervisor).body(Map.of("reason", "annulled", "reference", "9/QD-TA"))
                    .post("/api/v1/directives/" + big + "/revoke").then().statusCode(200);
            JsonPath held = Rulesets.await(isp, s -> s.get("held") != null);
            long version = held.getLong("held.version");

            String cause = "ruleset:" + isp + ":" + version + ":held";
            Waits.delivered(cause, 2);
            assertThat(MailServer.messagesTo("duty@" + authority + ".example")).hasSize(1)
                    .allSatisfy(m -> assertThat(m.getSubject()).contains("Rule-set version held").contains(isp));
            List<WebhookReceiver.Received> calls = hook.received().stream()
                    .filter(r -> "ruleset.version-held".equals(r.header("Interdict-Event"))).toList();
            assertThat(calls).hasSize(1);
            calls.get(0).assertSignedWith(secret);
            JsonNode data = json.readTree(calls.get(0).body()).get("data");
            assertThat(data.get("isp").asText()).isEqualTo(isp);
            assertThat(data.get("version").asLong()).isEqualTo(version);
            assertThat(data.get("removed").asInt()).isEqualTo(300);
            assertThat(data.get("directives").toString()).contains(String.valueOf(big));
        }
    }
}
