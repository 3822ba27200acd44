package org.interdict.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The memory of valid appliance tokens, listening to the real PostgreSQL: the replica that revokes or rotates a
 * token forgets it at once, before any notification comes back. The holders are made up (no appliance has a
 * negative id), so no notification can forget them instead.
 */
@QuarkusTest
class ValidTokensApiTest {

    @Inject
    ValidTokens tokens;

    @Test
    void anApplianceIsForgottenAtOnceAndNoOtherIs() {
        ValidTokens.Holder revoked = new ValidTokens.Holder(-1, "isp-forgotten");
        ValidTokens.Holder other = new ValidTokens.Holder(-2, "isp-forgotten");
        String old = rememberWhileListening(revoked);
        String rotated = rememberWhileListening(revoked);
        String kept = rememberWhileListening(other);

        tokens.forgetAppliance(-1);

        assertThat(tokens.lookup(old)).isNull();
        assertThat(tokens.lookup(rotated)).isNull();
        assertThat(tokens.lookup(kept)).isEqualTo(other);
    }

    @Test
    void aDatabaseReadBegunBeforeTheForgettingIsNotRemembered() {
        ValidTokens.Holder holder = new ValidTokens.Holder(-3, "isp-forgotten");
        rememberWhileListening(holder);
        String hash = UUID.randomUUID().toString();
        long readAt = tokens.generation();

        tokens.forgetAppliance(-3);
        tokens.remember(hash, holder, readAt);

        assertThat(tokens.lookup(hash)).isNull();
    }

    /** A fresh token hash remembered for the holder, once the memory listens (it starts listening after boot). */
    private String rememberWhileListening(ValidTokens.Holder holder) {
        String hash = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            tokens.remember(hash, holder, tokens.generation());
            if (holder.equals(tokens.lookup(hash))) {
                return hash;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the token memory did not start listening within 10 s");
    }
}
