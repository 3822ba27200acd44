package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interdict.support.Api;
import org.interdict.support.JwtKeys;
import org.interdict.support.Rulesets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The appliance client script, run as an appliance would run it, against this test server. */
@QuarkusTest
class ApplianceSyncScriptApiTest {

    private static final Path SCRIPT = Path.of("scripts/appliance-sync.sh");

    @TestHTTPResource("/")
    URL server;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    @Test
    void appliesOnlyVerifiedVersionsAndKeepsTheLastGoodFileOtherwise() throws Exception {
        String isp = Api.newIsp();
        String token = Api.registerAppliance(isp, "resolver-1");
        Path file = dir.resolve("interdict.rpz");
        Path marker = dir.resolve("reloaded");
        String touch = "touch '" + marker + "'";

        long first = Api.approvedFor(List.of(isp), Api.unique("sync"), "first.example.vn");
        long v1 = await(isp, first);
        Run run = sync(isp, token, touch);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("applied %s version %d (rpz, digest %s) to %s\n", isp, v1,
                digest(isp).substring(0, 12), file);
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(file)).contains("first.example.vn").contains("version " + v1);
        assertThat(marker).exists();

        // Unchanged: a 304, nothing written, nothing reloaded, nothing printed.
        Files.delete(marker);
        long modified = Files.getLastModifiedTime(file).toMillis();
        run = sync(isp, token, touch);
        assertThat(run).isEqualTo(new Run(0, "", ""));
        assertThat(marker).doesNotExist();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);

        long second = Api.approvedFor(List.of(isp), Api.unique("sync"), "second.example.vn");
        long v2 = await(isp, second);
        run = sync(isp, token, touch);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("applied " + isp + " version " + v2 + " ");
        assertThat(Files.readString(file)).contains("second.example.vn");
        assertThat(marker).exists();
        String good = Files.readString(file);

        // The cached key of the signing key id is replaced by another Ed25519 key: the signature must not verify.
        long third = Api.approvedFor(List.of(isp), Api.unique("sync"), "third.example.vn");
        await(isp, third);
        Files.delete(marker);
        Path cachedKey = dir.resolve(".interdict-sync/keys/" + JwtKeys.SIGNING_KEY_ID + ".pem");
        String realKey = Files.readString(cachedKey);
        Files.writeString(cachedKey, otherPublicKeyPem());
        run = sync(isp, token, touch);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("bad signature");
        assertThat(Files.readString(file)).isEqualTo(good);
        assertThat(marker).doesNotExist();

        // A wrong pinned key is refused just the same.
        Path pinned = dir.resolve("pinned.pem");
        Files.writeString(pinned, otherPublicKeyPem());
        run = sync(isp, token, touch, "--key", pinned.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("bad signature");
        assertThat(Files.readString(file)).isEqualTo(good);

        // A failing reload puts the previous file back and records nothing, so the next run tries again.
        Files.writeString(cachedKey, realKey);
        run = sync(isp, token, "exit 3");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("reload command failed");
        assertThat(Files.readString(file)).isEqualTo(good);

        run = sync(isp, token, touch);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(file)).contains("third.example.vn");
        assertThat(marker).exists();
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("interdict.rpz", "reloaded", "pinned.pem", ".interdict-sync");
        }
    }

    private static long await(String isp, long directive) {
        return Rulesets.await(isp, s -> s.getList("current.changes.directiveId").contains((int) directive))
                .getLong("current.version");
    }

    private static String digest(String isp) {
        return as(Api.AUDITOR).get("/api/v1/isps/" + isp + "/ruleset").jsonPath().getString("current.digest");
    }

    private Run sync(String isp, String token, String reload, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--url", server.toString(),
                "--isp", isp, "--format", "rpz", "--out", dir.resolve("interdict.rpz").toString(), "--reload", reload));
        command.addAll(List.of(extra));
        Path out = Files.createTempFile("sync", ".out");
        Path err = Files.createTempFile("sync", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // The token travels in the environment, as the script recommends.
            builder.environment().put("INTERDICT_TOKEN", token);
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String otherPublicKeyPem() throws Exception {
        byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }
}
