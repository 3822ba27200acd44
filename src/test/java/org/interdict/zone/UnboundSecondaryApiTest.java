package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.as;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.interdict.support.Api;
import org.interdict.support.Rulesets;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Unbound's RPZ secondary ({@code rpz:} with {@code primary:}). Unbound 1.17 signs no transfer with TSIG, so the
 * listener refuses it; through a BIND secondary that relays the zone to it, it blocks per policy and takes each new
 * version on BIND's NOTIFY.
 */
@QuarkusTest
class UnboundSecondaryApiTest {

    @Inject
    ZoneServer server;

    @Inject
    MeterRegistry registry;

    @Test
    void unboundAskingTheListenerDirectlyIsRefusedForWantOfTsig() throws IOException {
        String isp = Api.newIsp();
        String blocked = Api.unique("unbound-direct") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), blocked);
        ZoneTransferApiTest.blocking(isp);
        double before = unsignedRefusals();
        try (UnboundSecondary unbound = UnboundSecondary.start(NamedSecondary.freePort(), isp + ".rpz.interdict.",
                server.port())) {
            unbound.awaitLog(log -> unsignedRefusals() > before, "the listener to refuse unbound's unsigned request");
            assertThat(Dig.query(unbound.port(), null, blocked, "A")).contains("status: NOERROR").contains("192.0.2.1");
        }
    }

    @Test
    void unboundBlocksThroughABindSecondaryAndFollowsItsNotify() throws IOException {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        String blocked = Api.unique("unbound") + ".example.vn";
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), blocked);
        ZoneTransferApiTest.blocking(isp);
        String zone = isp + ".rpz.interdict.";
        int unboundPort = NamedSecondary.freePort();
        try (NamedSecondary named = NamedSecondary.relaying(server.port(), Map.of(zone,
                ZoneTransferApiTest.keyOf(isp)), unboundPort)) {
            named.awaitLog(log -> log.contains("Transfer completed"), "BIND's first transfer");
            as(engineer).body(Map.of("address", "127.0.0.1", "port", named.port()))
                    .post("/api/v1/isps/" + isp + "/zone/secondaries").then().statusCode(201);
            try (UnboundSecondary unbound = UnboundSecondary.start(unboundPort, zone, named.port())) {
                unbound.awaitAnswer(answer -> answer.contains("status: NXDOMAIN"), "NXDOMAIN for " + blocked, blocked,
                        "A");
                assertThat(Dig.query(unbound.port(), null, "open." + blocked, "A")).contains("status: NOERROR")
                        .contains("192.0.2.1");

                String added = Api.unique("unbound-next") + ".example.vn";
                Api.approvedFor(List.of(isp), Api.unique("ZONE"), added);
                // Unbound's refresh is an hour away: only the NOTIFY chain (service, BIND, Unbound) brings it.
                unbound.awaitAnswer(answer -> answer.contains("status: NXDOMAIN"), "NXDOMAIN for " + added, added,
                        "A");
                assertThat(Dig.query(unbound.port(), null, blocked, "A")).contains("status: NXDOMAIN");
                assertThat(unbound.log()).contains("received NOTIFY serial " + Rulesets.current(isp) + " for " + zone);
                // BIND's outgoing transfer to Unbound: the change alone.
                assertThat(named.log()).contains("IXFR started");
            }
        }
    }

    private double unsignedRefusals() {
        Counter counter = registry.find("interdict.zone.refusals").tag("reason", "unsigned").counter();
        return counter == null ? 0 : counter.count();
    }
}
