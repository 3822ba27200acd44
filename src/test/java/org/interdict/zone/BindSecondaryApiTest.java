package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
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
            named.awaitLog(log -> log.contains(relative(foreignZone) + "/IN: refresh: failure"), "the foreign zone refused");
            assertThat(named.log()).contains("transfer of '" + relative(zone) + "/IN'")
                    .doesNotContain("transfer of '" + relative(foreignZone) + "/IN'");
            assertThat(Dig.query(named.port(), null, foreignZone, "SOA")).doesNotContain("status: NOERROR");
        }
    }

    /** As BIND's log writes zone names: without the final dot. */
    static String relative(String zone) {
        return zone.substring(0, zone.length() - 1);
    }
}
