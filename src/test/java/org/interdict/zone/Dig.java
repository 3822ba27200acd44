package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code dig} (bind9-dnsutils, installed by scripts/install-consumers.sh) against a DNS server. */
final class Dig {

    private Dig() {}

    /** A TSIG key as {@code dig -y} takes it. */
    record Key(String name, String secret) {
        String argument() {
            return "hmac-sha256:" + name + ":" + secret;
        }
    }

    /** dig's output for a query to 127.0.0.1 on {@code port}; {@code key} may be null. */
    static String query(int port, Key key, String... args) {
        List<String> command = new ArrayList<>(List.of("dig", "@127.0.0.1", "-p", String.valueOf(port), "+tries=1",
                "+time=5"));
        if (key != null) {
            command.add("-y");
            command.add(key.argument());
        }
        command.addAll(List.of(args));
        try {
            Process dig = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = dig.getInputStream().readAllBytes();
            assertThat(dig.waitFor(60, TimeUnit.SECONDS)).as("dig finished").isTrue();
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run dig (scripts/install-consumers.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
