package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZoneKeyApiTest {

    @Test
    void aKeyIsShownOnceAndStoredSealed() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        JsonPath created = as(engineer).post(keys(isp)).then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("key.isp", equalTo(isp))
                .body("key.algorithm", equalTo("hmac-sha256"))
                .body("key.active", equalTo(true))
                .body("key.createdBy", equalTo("eng-" + isp))
                .extract().jsonPath();
        String secret = created.getString("secret");
        String name = created.getString("key.name");
        assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
        assertThat(name).matches("key-[0-9a-f]{8}\\." + isp + "\\.rpz\\.interdict\\.");

        String list = as(OFFICER).get(keys(isp)).then().statusCode(200)
                .body("[0].name", equalTo(name)).extract().asString();
        assertThat(list).doesNotContain(secret).doesNotContain("secret");
        String stored = Db.queryString("select encode(sealed_secret, 'base64') from zone_key where name = ?", name);
        assertThat(stored).doesNotContain(secret);
        assertThat(Db.queryString("select count(*) from audit_entry where action = 'zone-key.created' and subject_id = ?",
                created.getString("key.id"))).isEqualTo("1");
    }

    @Test
    void revokingTwiceIsAConflict() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        long id = as(engineer).post(keys(isp)).then().statusCode(201).extract().jsonPath().getLong("key.id");
        as(engineer).delete(keys(isp) + "/" + id).then().statusCode(200)
                .body("active", equalTo(false))
                .body("revokedBy", equalTo("eng-" + isp));
        as(engineer).delete(keys(isp) + "/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("zone-key-already-revoked"));
    }

    @Test
    void anotherIspsEngineerSeesNothing() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        long id = as(Api.ADMIN).post(keys(isp)).then().statusCode(201).extract().jsonPath().getLong("key.id");
        String foreign = Tokens.ispEngineer("eng-" + other, other);
        as(foreign).get(keys(isp)).then().statusCode(404);
        as(foreign).delete(keys(isp) + "/" + id).then().statusCode(404);
        as(foreign).post(keys(isp)).then().statusCode(404);
        as(Api.SUPERVISOR).post(keys(isp)).then().statusCode(403);
    }

    @Test
    void secondariesAreAddressesWithAPort() {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        long id = as(engineer).body(Map.of("address", "2001:DB8::0:53")).post(secondaries(isp)).then().statusCode(201)
                .body("address", equalTo("2001:db8::53"))
                .body("port", equalTo(53))
                .body("lastTransfer", nullValue())
                .extract().jsonPath().getLong("id");
        as(engineer).body(Map.of("address", "2001:db8::53")).post(secondaries(isp)).then().statusCode(409)
                .body("code", equalTo("secondary-exists"));
        as(engineer).body(Map.of("address", "ns1.example.net")).post(secondaries(isp)).then().statusCode(400)
                .body("violations[0].field", equalTo("address"));
        as(engineer).body(Map.of("address", "192.0.2.7", "port", 70000)).post(secondaries(isp)).then().statusCode(400);
        as(OFFICER).get(secondaries(isp)).then().statusCode(200).body("[0].id", equalTo((int) id));
        as(engineer).delete(secondaries(isp) + "/" + id).then().statusCode(204);
        as(engineer).delete(secondaries(isp) + "/" + id).then().statusCode(404);
    }

    private static String keys(String isp) {
        return "/api/v1/isps/" + isp + "/zone/keys";
    }

    private static String secondaries(String isp) {
        return "/api/v1/isps/" + isp + "/zone/secondaries";
    }
}
