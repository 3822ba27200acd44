package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.interdict.config.InterdictConfig;
import org.junit.jupiter.api.Test;

/** The start-up check of the zone listener's configuration, on the configuration mapping SmallRye builds. */
class ZoneStartupCheckTest {

    @Test
    void theListenerWithoutAKeyEncryptionKeyStopsTheStartWithTheSettingToGive() {
        ZoneKeys keys = keysWith(Map.of("interdict.zone.enabled", "true"));
        assertThatThrownBy(() -> keys.checkConfiguration(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("interdict.key-encryption-key is not set")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aBlankKeyIsNoKey() {
        ZoneKeys keys = keysWith(Map.of("interdict.zone.enabled", "true", "interdict.key-encryption-key", " "));
        assertThatThrownBy(() -> keys.checkConfiguration(null)).hasMessageContaining("key-encryption-key is not set");
    }

    @Test
    void withTheKeyOrWithoutTheListenerTheServiceStarts() {
        assertThatCode(() -> keysWith(Map.of("interdict.zone.enabled", "true", "interdict.key-encryption-key",
                "em9uZS1kZXZlbG9wbWVudC1rZXktbm90LWZvci11c2U=")).checkConfiguration(null)).doesNotThrowAnyException();
        assertThatCode(() -> keysWith(Map.of("interdict.zone.enabled", "false")).checkConfiguration(null))
                .doesNotThrowAnyException();
    }

    private static ZoneKeys keysWith(Map<String, String> properties) {
        // Quarkus's own converters read durations such as "30s" and sizes such as "10M", as the service does.
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(InterdictConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return new ZoneKeys(null, null, null, Clock.systemUTC(), config.getConfigMapping(InterdictConfig.class));
    }
}
