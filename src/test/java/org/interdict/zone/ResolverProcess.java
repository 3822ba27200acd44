package org.interdict.zone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A DNS server run by a test as a child process on a loopback port, in a temporary directory of its own holding its
 * configuration, zone files and log ({@code <program>.run}, {@code <program>.log}, and what it prints in
 * {@code <program>.out}); closing it
 * stops the process and removes the directory.
 */
abstract class ResolverProcess implements AutoCloseable {

    private static final Pattern NOISE = Pattern.compile(
            "automatic empty zone|\\.ARPA/IN|built with|compiled (with|by)|linked to|BIND 9 is maintained|corporation\\.|"
                    + "available at https|-{20}|set maximum|Registering|algorithms:|TKEY mode");

    private final String program;
    private final Path directory;
    private final Process process;
    private final int port;

    ResolverProcess(String program, Path directory, Process process, int port) {
        this.program = program;
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Starts {@code command} in {@code directory}, its output going to {@code <program>.out} there. */
    static Process launch(String program, Path directory, String... command) throws IOException {
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve(program + ".out").toFile()).start();
    }

    int port() {
        return port;
    }

    String log() {
        try {
            // named writes what happens before its logging is configured (a port it cannot listen on) to named.run.
            StringBuilder text = new StringBuilder();
            for (String name : new String[] {program + ".run", program + ".log", program + ".out"}) {
                Path file = directory.resolve(name);
                if (Files.exists(file)) {
                    text.append(Files.readString(file));
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 30 s for the log to satisfy {@code condition}; fails naming {@code what}, with the log. */
    void awaitLog(Predicate<String> condition, String what) {
        await(() -> condition.test(log()), what);
    }

    /** Waits up to 30 s for dig's answer from this server to satisfy {@code condition}. */
    String awaitAnswer(Predicate<String> condition, String what, String... query) {
        String[] last = new String[1];
        await(() -> condition.test(last[0] = Dig.query(port, null, query)), what + "; last answer: " + last[0]);
        return last[0];
    }

    private void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(program + " exited while waiting for " + what + ":\n" + telling());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; " + program + "'s log:\n" + telling());
    }

    /** The log without what every start writes alike (its build, the automatic empty zones' timers). */
    private String telling() {
        return log().lines().filter(line -> !NOISE.matcher(line).find())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
