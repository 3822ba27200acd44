package org.interdict.authority;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.interdict.config.InterdictConfig;
import org.interdict.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * Loads the development data (three ISPs, the Ministry, two provincial Departments and two agencies, matching the
 * demo users of the bundled identity provider) at start-up when {@code interdict.development-data} is on. The script inserts only
 * what is missing, so replicas starting together and restarts are harmless. Never on in production.
 */
@ApplicationScoped
public class DevelopmentData {

    private static final String SCRIPT = "/development/development-data.sql";
    private static final Logger LOG = Logger.getLogger(DevelopmentData.class);

    private final AgroalDataSource dataSource;
    private final boolean enabled;

    public DevelopmentData(AgroalDataSource dataSource, InterdictConfig config) {
        this.dataSource = dataSource;
        this.enabled = config.developmentData();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        String sql;
        try (InputStream in = DevelopmentData.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the application");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Transactions.inTransaction(dataSource, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
        LOG.info("Development data loaded (interdict.development-data=true): never enable it in production");
    }
}
