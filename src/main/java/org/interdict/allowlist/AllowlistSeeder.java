package org.interdict.allowlist;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Loads the shipped critical-infrastructure list (root servers, public resolvers, government domains) into the
 * allowlist once per database. Operators change the allowlist through the API afterwards.
 */
@ApplicationScoped
public class AllowlistSeeder {

    static final String SEED = "critical-infrastructure";
    private static final String RESOURCE = "/reference-data/critical-infrastructure.txt";
    private static final Logger LOG = Logger.getLogger(AllowlistSeeder.class);

    private final AllowlistService allowlist;

    public AllowlistSeeder(AllowlistService allowlist) {
        this.allowlist = allowlist;
    }

    void onStart(@Observes StartupEvent event) {
        try (InputStream in = AllowlistSeeder.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (allowlist.seed(SEED, text, "critical-infrastructure.txt")) {
                LOG.info("Allowlist seeded from the critical-infrastructure list");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
