package org.interdict.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.UncheckedIOException;
import java.util.List;
import org.interdict.target.GuardData;
import org.interdict.target.Guards;
import org.interdict.target.TargetParser;

/** The pure target parser and guards as beans; the guard lists come from configuration or the shipped data. */
@ApplicationScoped
public class TargetBeans {

    @Produces
    @ApplicationScoped
    TargetParser targetParser() {
        return new TargetParser();
    }

    @Produces
    @ApplicationScoped
    Guards guards(InterdictConfig config) {
        var lists = config.guards();
        GuardData shipped = GuardData.fromClasspath();
        try {
            GuardData data = new GuardData(
                    lists.highImpactFile().isPresent()
                            ? GuardData.load(lists.highImpactFile().get(), List.of()).highImpactNames()
                            : shipped.highImpactNames(),
                    lists.sharedInfrastructureFiles().isPresent()
                            ? sharedInfrastructure(lists.sharedInfrastructureFiles().get())
                            : shipped.sharedInfrastructure());
            return new Guards(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configured guard lists", e);
        }
    }

    private static Map<String, List<String>> sharedInfrastructure(List<Path> files) throws IOException {
        Map<String, Reader> readers = new LinkedHashMap<>();
        try {
            for (Path file : files) {
                readers.put(file.getFileName().toString().replaceFirst("\\.txt$", ""),
                        Files.newBufferedReader(file, StandardCharsets.UTF_8));
            }
            return GuardData.read(new StringReader(""), readers).sharedInfrastructure();
        } finally {
            for (Reader reader : readers.values()) {
                reader.close();
            }
        }
    }
}
