package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.SUPERVISOR;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.interdict.config.InterdictConfig;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;

/**
 * A register replayed through the API: 2,000 small orders drafted, filled, submitted and approved by a supervisor,
 * the approvals in chunks, every other chunk while the compiler is busy (as during a long compilation) so that one
 * version takes 400 approvals at once: far more than 10 % of the rules. With the circuit breaker's default settings
 * every order reaches the published version, no human involved.
 */
@QuarkusTest
class RegisterReplayApiTest {

    private static final int ORDERS = 2000;
    /** Approvals taken by one version while the compiler is busy, then approvals compiled as they come. */
    private static final int[] CHUNKS = {400, 100};

    @Inject
    InterdictConfig config;

    @Test
    void everyApprovedOrderIsPublishedWithoutAHuman() throws Exception {
        String isp = Api.newIsp();
        Rulesets.current(isp);
        String run = Api.unique("replay");
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Long> ids = inParallel(threads, 0, ORDERS, i -> {
                long id = Api.draft(run + "/" + i, List.of(isp));
                Api.addTargets(id, targets(run, i).toArray(String[]::new));
                as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
                return id;
            });
            for (int from = 0, chunk = 0; from < ORDERS; from += CHUNKS[chunk % 2], chunk++) {
                try (Connection busy = chunk % 2 == 0 ? compilerBusy() : null) {
                    inParallel(threads, from, from + CHUNKS[chunk % 2], i -> as(SUPERVISOR).body(Map.of())
                            .post("/api/v1/directives/" + ids.get(i) + "/approve").then().statusCode(200)
                            .body("status", equalTo("ACTIVE")).extract().path("status"));
                }
            }
            Rulesets.settle();

            assertThat(Db.queryString("select count(*) from ruleset_version where isp_id = ? and state <> 'PUBLISHED'",
                    isp)).as("versions held, superseded or refused").isEqualTo("0");
            assertThat(Long.parseLong(Db.queryString(LARGE_VERSIONS, isp, config.rulesets().breaker().maxShare(),
                    config.rulesets().breaker().minRules())))
                    .as("published versions whose change the breaker's limits alone would have held").isPositive();
            long current = Rulesets.current(isp);
            JsonPath rules = as(OFFICER).get("/api/v1/isps/" + isp + "/ruleset/versions/" + current).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(new HashSet<>(rules.getList("directives.id", Long.class))).containsAll(ids);
            Set<String> domains = new HashSet<>(rules.getList("rules.findAll { it.type == 'DOMAIN' }.rule"));
            List<String> blocks = rules.getList("rules.findAll { it.type == 'IPV4' }.rule");
            for (int i = 0; i < ORDERS; i++) {
                assertThat(domains).contains("site-" + i + "." + run + ".example.vn");
                assertThat(covered(address(i), blocks)).as("address of order %d", i).isTrue();
            }
            // The last order is in force from a published version; later ones (timed changes of other tests' orders
            // addressed to every ISP) may have followed while this long test ran.
            as(OFFICER).get("/api/v1/directives/" + ids.get(ORDERS - 1) + "/enforcement").then().statusCode(200)
                    .body("isps[0].firstVersion", lessThanOrEqualTo((int) current))
                    .body("isps[0].waitingBehind", equalTo(null));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Published versions that changed more than the breaker's share of a predecessor at or above its minimum size.
     * Parameters: ISP, share, minimum.
     */
    private static final String LARGE_VERSIONS = "select count(*) from ruleset_version v join lateral (select sum(c::int)"
            + " as total from ruleset_version p, jsonb_each_text(p.counts) as t(k, c) where p.isp_id = v.isp_id"
            + " and p.number = v.follows) p on true"
            + " where v.isp_id = ? and v.state = 'PUBLISHED' and v.added + v.removed > ?::float * p.total and p.total >= ?";

    /** A domain, an address next to the other orders' (they merge into blocks), a name in a zone, some URLs and trees. */
    private static List<String> targets(String run, int i) {
        List<String> lines = new ArrayList<>(List.of("site-" + i + "." + run + ".example.vn", address(i),
                "host-" + i + ".zone-" + i / 100 + "." + run + ".example.vn"));
        if (i % 4 == 0) {
            lines.add("https://portal-" + i + "." + run + ".example.vn/page?id=" + i);
        }
        if (i % 100 == 50) {
            lines.add("*.zone-" + i / 100 + "." + run + ".example.vn");
        }
        return lines;
    }

    private static String address(int i) {
        return "45.121." + i / 256 + "." + i % 256;
    }

    private static boolean covered(String address, List<String> blocks) {
        long ip = toLong(address);
        for (String block : blocks) {
            int slash = block.indexOf('/');
            int prefix = Integer.parseInt(block.substring(slash + 1));
            long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
            if ((ip & mask) == toLong(block.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    private static long toLong(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    /** Holds the compilation lock, as a replica compiling would, until the connection is closed. */
    private static Connection compilerBusy() throws SQLException {
        Connection c = Db.connect();
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, RuleSetBuilder.COMPILE_LOCK);
            lock.execute();
        }
        return c;
    }

    private static <T> List<T> inParallel(ExecutorService threads, int from, int to, IntFunction<T> task) {
        List<CompletableFuture<T>> futures = IntStream.range(from, to)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> task.apply(i), threads)).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

}
