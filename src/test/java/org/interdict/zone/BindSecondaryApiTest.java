package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static org.interdict.support.Api.as;

import io.restassured.path.json.JsonPath;
import java.util.stream.IntStream;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/** BIND as a secondary of the zone listener, answering from the transferred zone as a response policy. */
@QuarkusTest
class BindSecondaryApiTest {

    @Inject
    ZoneServer server;

    @Test
    void bindTransfersTheZoneAndBlocksWithIt() throws IOException {
        String isp = Api.newIsp();
        String other = Api.newIsp();
        String blocked = Api.unique("bind") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), blocked);
        Api.approvedFor(List.of(other), Api.unique("ZONE"), Api.unique("bind-other") + ".example.vn");
        ZoneTransferApiTest.blocking(isp);
        ZoneTransferApiTest.blocking(other);
        Dig.Key key = ZoneTransferApiTest.keyOf(isp);
        String zone = isp + ".rpz.interdict.";
        // The other ISP's zone, asked for with this ISP's key: never transferred.
        String foreignZone = other + ".rpz.interdict.";
        Map<String, Dig.Key> zones = new LinkedHashMap<>();
        zones.put(zone, key);
        zones.put(foreignZone, key);
        try (NamedSecondary named = NamedSecondary.start(server.port(), zones)) {
            named.awaitAnswer(answer -> answer.contains("status: NXDOMAIN"), "NXDOMAIN for " + blocked, blocked, "A");
            assertThat(Dig.query(named.port(), null, "open." + blocked, "A")).contains("status: NOERROR")
                    .contains("192.0.2.1");
            named.awaitLog(log -> log.contains(relative(foreignZone) + "/IN: refresh: failure"), "the foreign zone refused");
            assertThat(named.log()).contains("transfer of '" + relative(zone) + "/IN'")
                    .doesNotContain("transfer of '" + relative(foreignZone) + "/IN'");
            assertThat(Dig.query(named.port(), null, foreignZone, "SOA")).doesNotContain("status: NOERROR");
        }
    }

    @Test
    void aNewVersionIsNotifiedAndTransferredIncrementally() throws IOException {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        String[] first = IntStream.range(0, 500).mapToObj(i -> "first-" + i + "." + isp + ".example.vn")
                .toArray(String[]::new);
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), first);
        long version = ZoneTransferApiTest.blocking(isp);
        Dig.Key key = ZoneTransferApiTest.keyOf(isp);
        String zone = isp + ".rpz.interdict.";
        try (NamedSecondary named = NamedSecondary.start(server.port(), Map.of(zone, key))) {
            named.awaitLog(log -> log.contains("Transfer completed"), "the first transfer");
            as(engineer).body(Map.of("address", "127.0.0.1", "port", named.port()))
                    .post("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(201);
            String added = Api.unique("second") + ".example.vn";
            Api.approvedFor(List.of(isp), Api.unique("ZONE"), added);
            // No refresh is due for an hour: only the NOTIFY makes BIND ask.
            named.awaitAnswer(answer -> answer.contains("status: NXDOMAIN"), "NXDOMAIN for " + added, added, "A");
            Rulesets.settle();
            long next = Rulesets.current(isp);
            assertThat(next).isGreaterThan(version);
            assertThat(Dig.query(named.port(), null, "open-" + added, "A")).contains("status: NOERROR");
            named.awaitLog(log -> log.contains("(serial " + next + ")"), "the transfer of serial " + next);
            String log = named.log();
            String second = log.substring(log.indexOf("notify from 127.0.0.1"));
            assertThat(second).contains("requesting IXFR").doesNotContain("requesting AXFR");
            assertThat(Dig.query(named.port(), null, first[0], "A")).contains("status: NXDOMAIN");
            JsonPath secondary = as(engineer).get("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(200)
                    .extract().jsonPath();
            for (int tries = 0; tries < 50 && secondary.getLong("[0].notifiedVersion") != next; tries++) {
                // The acknowledgement is recorded when every answer of the NOTIFY run is in.
                sleep();
                secondary = as(engineer).get("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(200)
                        .extract().jsonPath();
            }
            assertThat(secondary.getLong("[0].notifiedVersion")).isEqualTo(next);
            assertThat(secondary.getString("[0].notifyError")).isNull();
            assertThat(secondary.getString("[0].lastTransfer.kind")).isEqualTo("IXFR");
            assertThat(secondary.getLong("[0].lastTransfer.serial")).isEqualTo(next);
        }
    }

    @Test
    void bindCatchesUpWithAVersionMadeWhileTheListenerWasAway() throws IOException {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        String first = Api.unique("before") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), first);
        ZoneTransferApiTest.blocking(isp);
        String zone = isp + ".rpz.interdict.";
        try (NamedSecondary named = NamedSecondary.start(server.port(), Map.of(zone, ZoneTransferApiTest.keyOf(isp)))) {
            named.awaitAnswer(answer -> answer.contains("status: NXDOMAIN"), "NXDOMAIN for " + first, first, "A");
            as(engineer).body(Map.of("address", "127.0.0.1", "port", named.port()))
                    .post("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(201);
            int port = server.port();
            String added = Api.unique("meanwhile") + ".example.vn";
            server.close();
            try {
                Api.approvedFor(List.of(isp), Api.unique("ZONE"), added);
                // BIND takes the NOTIFY (it comes from another socket), fails to reach the listener and gives up
                // until its retry timer (the SOA's 600 s) or another NOTIFY.
                named.awaitLog(log -> afterLastNotify(log).contains("failure trying primary")
                        && afterLastNotify(log).contains("cancel_refresh"), "BIND's failed refresh");
                assertThat(Dig.query(named.port(), null, added, "A")).contains("status: NOERROR");
            } finally {
                server.listen(port);
            }
            long next = Rulesets.current(isp);
            named.awaitAnswer(answer -> answer.contains("status: NXDOMAIN"), "NXDOMAIN for " + added, added, "A");
            named.awaitLog(log -> log.contains("(serial " + next + ")"), "the transfer of serial " + next);
        }
    }

    private static String afterLastNotify(String log) {
        int last = log.lastIndexOf("notify from 127.0.0.1");
        return last < 0 ? "" : log.substring(last);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** As BIND's log writes zone names: without the final dot. */
    static String relative(String zone) {
        return zone.substring(0, zone.length() - 1);
    }
}
