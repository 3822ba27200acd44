package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The zone listener as {@code dig} sees it: SOA queries, AXFR, and the refusals. */
@QuarkusTest
class ZoneTransferApiTest {

    @Inject
    ZoneServer server;

    @Test
    void anAxfrIsTheRpzExportRecordForRecord() throws IOException {
        String isp = Api.newIsp();
        String[] names = IntStream.range(0, 3000).mapToObj(i -> "axfr-" + i + "." + isp + ".example.vn")
                .toArray(String[]::new);
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), names);
        // Directives addressed to every ISP, approved by other tests, may block more names.
        Rulesets.await(isp, s -> s.getInt("current.counts.DOMAIN") >= names.length);
        Rulesets.settle();
        Dig.Key key = keyOf(isp);
        String zone = isp + ".rpz.interdict.";

        var download = as(Api.AUDITOR).get("/api/v1/isps/" + isp + "/ruleset/current?format=rpz").then()
                .statusCode(200).extract();
        List<String> exported = relative(download.asString(), "rpz.interdict.");
        String soa = Dig.query(server.port(), key, zone, "SOA", "+short");
        assertThat(soa.strip().split(" ")[2]).isEqualTo(download.header("X-Interdict-Version"));

        String axfr = Dig.query(server.port(), key, zone, "AXFR", "+nocmd", "+nostats", "+nocomments");
        List<String> transferred = relative(axfr, zone);
        // The transfer ends with the SOA again (RFC 5936); the export has it once.
        assertThat(transferred.get(transferred.size() - 1)).isEqualTo(transferred.get(0));
        assertThat(transferred.subList(0, transferred.size() - 1)).isEqualTo(exported);
        assertThat(exported).hasSizeGreaterThan(names.length);

        as(Api.AUDITOR).get("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(200);
    }

    @Test
    void anAxfrOfAHundredThousandRulesIsTheRpzExportRecordForRecord() throws IOException {
        String isp = Api.newIsp();
        long directive = Api.draft(Api.unique("ZONE-BIG"), List.of(isp));
        // 90,000 names (every tenth a tree) and 10,000 IPv4 addresses, imported 10,000 lines a request.
        for (int chunk = 0; chunk < 100_000; chunk += 10_000) {
            String lines = IntStream.range(chunk, chunk + 10_000).mapToObj(i -> i >= 90_000
                    ? (180 + i % 3) + "." + (i / 65_536 % 256 + 10) + "." + (i / 256 % 256) + "." + (i % 256)
                    : (i % 10 == 3 ? "*.tree-" : "big-") + i + "." + isp + ".example.vn")
                    .collect(java.util.stream.Collectors.joining("\n"));
            io.restassured.RestAssured.given().auth().oauth2(Api.OFFICER).contentType("text/plain; charset=UTF-8")
                    .body(lines).post("/api/v1/directives/" + directive + "/targets").then().statusCode(200)
                    .body("imported", equalTo(10_000));
        }
        as(Api.OFFICER).post("/api/v1/directives/" + directive + "/submit").then().statusCode(200);
        as(Api.SUPERVISOR).body(java.util.Map.of("confirmFlaggedTargets", List.of()))
                .post("/api/v1/directives/" + directive + "/approve").then().statusCode(200);
        Rulesets.await(isp, s -> s.getInt("current.total") >= 100_000);
        Rulesets.settle();
        Dig.Key key = keyOf(isp);

        var download = as(Api.AUDITOR).get("/api/v1/isps/" + isp + "/ruleset/current?format=rpz").then()
                .statusCode(200).extract();
        List<String> exported = relative(download.asString(), "rpz.interdict.");
        String axfr = Dig.query(server.port(), key, isp + ".rpz.interdict.", "AXFR", "+nocmd", "+nostats",
                "+nocomments");
        List<String> transferred = relative(axfr, isp + ".rpz.interdict.");
        assertThat(transferred.get(0)).contains(" SOA ").contains(" " + download.header("X-Interdict-Version") + " ");
        assertThat(transferred.get(transferred.size() - 1)).isEqualTo(transferred.get(0));
        List<String> zone = transferred.subList(0, transferred.size() - 1);
        // One record a name or address, one more a tree, and the SOA and NS.
        assertThat(exported).hasSizeGreaterThanOrEqualTo(100_000 + 9_000 + 2);
        assertThat(zone).hasSameSizeAs(exported);
        assertThat(new java.util.TreeSet<>(zone)).isEqualTo(new java.util.TreeSet<>(exported));
    }

    @Test
    void unsignedForeignAndRevokedKeysAreRefused() {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), Api.unique("refused") + ".example.vn");
        blocking(isp);
        String zone = isp + ".rpz.interdict.";

        assertThat(Dig.query(server.port(), null, zone, "SOA")).contains("status: REFUSED");
        assertThat(Dig.query(server.port(), null, zone, "AXFR")).doesNotContain(" CNAME ");
        Dig.Key foreign = keyOf(other);
        assertThat(Dig.query(server.port(), foreign, zone, "SOA")).contains("status: NOTAUTH");
        assertThat(Dig.query(server.port(), foreign, zone, "AXFR")).doesNotContain(" CNAME ");
        Dig.Key wrongSecret = new Dig.Key(keyOf(isp).name(), foreign.secret());
        assertThat(Dig.query(server.port(), wrongSecret, zone, "SOA")).doesNotContain("status: NOERROR");

        Dig.Key mine = keyOf(isp);
        assertThat(Dig.query(server.port(), mine, zone, "SOA")).contains("status: NOERROR");
        long id = as(Api.ADMIN).get("/api/v1/isps/" + isp + "/zone/keys").then().statusCode(200)
                .body("[0].name", equalTo(mine.name())).extract().jsonPath().getLong("[0].id");
        as(Api.ADMIN).delete("/api/v1/isps/" + isp + "/zone/keys/" + id).then().statusCode(200);
        assertThat(Dig.query(server.port(), mine, zone, "SOA")).contains("status: NOTAUTH");
        assertThat(Dig.query(server.port(), mine, "nobody.rpz.interdict.", "SOA")).doesNotContain("status: NOERROR");
    }

    @Test
    void theLastTransferOfASecondaryIsShown() {
        String isp = Api.newIsp();
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), Api.unique("shown") + ".example.vn");
        blocking(isp);
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        as(engineer).body(java.util.Map.of("address", "127.0.0.1")).post("/api/v1/isps/" + isp + "/zone/secondaries")
                .then().statusCode(201);
        Dig.Key key = keyOf(isp);
        String axfr = Dig.query(server.port(), key, isp + ".rpz.interdict.", "AXFR", "+nocmd", "+nostats");
        long serial = Long.parseLong(axfr.lines().filter(line -> line.contains("\tSOA\t")).findFirst().orElseThrow()
                .split("\\s+")[6]);
        JsonPath listed = as(engineer).get("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getLong("[0].lastTransfer.serial")).isEqualTo(serial);
        assertThat(listed.getString("[0].lastTransfer.kind")).isEqualTo("AXFR");
        assertThat(listed.getString("[0].lastTransfer.keyName")).isEqualTo(key.name());
        as(engineer).get("/api/v1/isps/" + isp + "/zone").then().statusCode(200)
                .body("name", equalTo(isp + ".rpz.interdict."))
                .body("transfers[0].address", equalTo("127.0.0.1"))
                .body("transfers[0].serial", equalTo((int) serial));
        // In compliance, as an acknowledgement of the version, over the API and on the console's page.
        as(engineer).get("/api/v1/compliance?isp=" + isp).then().statusCode(200)
                .body("isps[0].zoneTransfers[0].address", equalTo("127.0.0.1"))
                .body("isps[0].zoneTransfers[0].serial", equalTo((int) serial))
                .body("isps[0].zoneTransfers[0].kind", equalTo("AXFR"))
                .body("isps[0].zoneTransfers[0].current", equalTo(true))
                .body("isps[0].zoneTransfers[0].at", org.hamcrest.Matchers.notNullValue());
        String page = as(engineer).accept("text/html").header("Accept-Language", "vi")
                .get("/console/isps/" + isp + "/compliance").then().statusCode(200).extract().asString();
        assertThat(page).contains("<h2>Chuyển vùng DNS</h2>");
        String table = page.substring(page.indexOf("<table id=\"zone-transfers\""));
        assertThat(table.substring(0, table.indexOf("</table>"))).contains("<td>127.0.0.1</td>")
                .contains("<td>" + serial + " · hiện hành</td>").contains("<td>AXFR</td>");
    }

    /** The version of the ISP that carries its first approved directive. */
    static long blocking(String isp) {
        return Rulesets.await(isp, s -> s.get("current.counts.DOMAIN") != null).getLong("current.version");
    }

    static Dig.Key keyOf(String isp) {
        JsonPath created = as(Tokens.ispEngineer("eng-" + isp, isp)).post("/api/v1/isps/" + isp + "/zone/keys")
                .then().statusCode(201).extract().jsonPath();
        return new Dig.Key(created.getString("key.name"), created.getString("secret"));
    }

    /** Each record of a zone text as {@code owner-relative-to-origin type rdata}, in order. */
    static List<String> relative(String text, String origin) throws IOException {
        Name zone = Name.fromString(origin);
        List<String> records = new ArrayList<>();
        // dig prints the TSIG record of each message, which is no part of the zone and has no text form to parse.
        String zoneText = text.lines().filter(line -> !line.matches("\\S+\\s+\\d+\\s+ANY\\s+TSIG\\s.*"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        try (Master master = new Master(new ByteArrayInputStream(zoneText.getBytes(StandardCharsets.UTF_8)), zone)) {
            Record record;
            while ((record = master.nextRecord()) != null) {
                records.add(record.getName().relativize(zone) + " " + Type.string(record.getType()) + " "
                        + record.getTTL() + " " + record.rdataToString());
            }
        }
        return records;
    }
}
