package org.interdict.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reference lists behind {@link Guards}: the most-used site names, and per provider (named after its file,
 * such as {@code cloudflare}) the address blocks it publishes. Shipped defaults come from
 * {@link #fromClasspath()}; configuration can substitute its own files through {@link #load(Path, List)}.
 */
public record GuardData(Set<String> highImpactNames, Map<String, List<String>> sharedInfrastructure) {

    static final String RESOURCE_ROOT = "/reference-data/";

    /** The shipped provider files; a jar cannot list a resource folder portably, so they are named here. */
    static final List<String> SHIPPED_PROVIDERS =
            List.of("akamai", "amazon-aws", "cloudflare", "fastly", "google-gcp", "microsoft-azure");

    public GuardData {
        Objects.requireNonNull(highImpactNames, "highImpactNames");
        Objects.requireNonNull(sharedInfrastructure, "sharedInfrastructure");
        Set<String> names = new LinkedHashSet<>();
        for (String name : highImpactNames) {
            names.add(canonicalName(name));
        }
        highImpactNames = Set.copyOf(names);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        sharedInfrastructure.forEach((provider, blocks) -> {
            if (provider.isBlank()) {
                throw new IllegalArgumentException("a provider needs a name");
            }
            for (String block : blocks) {
                try {
                    IpBlock.parseLenient(block);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(provider + ": '" + block + "' is not a CIDR block", e);
                }
            }
            copy.put(provider, List.copyOf(blocks));
        });
        sharedInfrastructure = Map.copyOf(copy);
    }

    /** The lists shipped with the application. */
    public static GuardData fromClasspath() {
        try {
            Set<String> names;
            try (Reader reader = resource("high-impact-domains.txt")) {
                names = readNames(reader);
            }
            Map<String, List<String>> providers = new LinkedHashMap<>();
            for (String provider : SHIPPED_PROVIDERS) {
                try (Reader reader = resource("shared-infrastructure/" + provider + ".txt")) {
                    providers.put(provider, readEntries(reader));
                }
            }
            return new GuardData(names, providers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped reference data", e);
        }
    }

    /** Reads UTF-8 files; each provider is named after its file without the {@code .txt} extension. */
    public static GuardData load(Path highImpactFile, List<Path> sharedInfrastructureFiles) throws IOException {
        Set<String> names;
        try (Reader reader = Files.newBufferedReader(highImpactFile, StandardCharsets.UTF_8)) {
            names = readNames(reader);
        }
        Map<String, List<String>> providers = new LinkedHashMap<>();
        for (Path file : sharedInfrastructureFiles) {
            String provider = file.getFileName().toString().replaceFirst("\\.txt$", "");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                providers.put(provider, readEntries(reader));
            }
        }
        return new GuardData(names, providers);
    }

    /** Reads already opened lists; the caller closes the readers. */
    public static GuardData read(Reader highImpact, Map<String, Reader> sharedInfrastructure) throws IOException {
        Set<String> names = readNames(highImpact);
        Map<String, List<String>> providers = new LinkedHashMap<>();
        for (Map.Entry<String, Reader> entry : sharedInfrastructure.entrySet()) {
            providers.put(entry.getKey(), readEntries(entry.getValue()));
        }
        return new GuardData(names, providers);
    }

    private static Set<String> readNames(Reader reader) throws IOException {
        return new LinkedHashSet<>(readEntries(reader));
    }

    /** Listed names are compared with canonical targets: lower case, no trailing dot. */
    private static String canonicalName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("empty high-impact name");
        }
        return bare;
    }

    /** One entry a line; {@code #} starts a comment, blank lines are skipped. */
    private static List<String> readEntries(Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        List<String> entries = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int comment = line.indexOf('#');
            String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Reader resource(String name) {
        InputStream in = GuardData.class.getResourceAsStream(RESOURCE_ROOT + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE_ROOT + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
