package org.interdict.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplianceTokensTest {

    @Test
    void tokensHaveThePrefixAnd256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ApplianceTokens.Issued issued = ApplianceTokens.issue();
            assertThat(issued.token()).matches("itd_[A-Za-z0-9_-]{43}");
            assertThat(ApplianceTokens.wellFormed(issued.token())).isTrue();
            assertThat(issued.hint()).isEqualTo(issued.token().substring(0, 8));
            assertThat(issued.hash()).matches("[0-9a-f]{64}").isEqualTo(ApplianceTokens.hash(issued.token()));
            assertThat(issued.toString()).doesNotContain(issued.token());
            assertThat(seen.add(issued.token())).isTrue();
        }
    }

    @Test
    void hashIsSha256Hex() {
        assertThat(ApplianceTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyBearerValuesWithThePrefixAreClaimed() {
        String token = ApplianceTokens.issue().token();
        assertThat(ApplianceAuthMechanism.applianceToken("Bearer " + token)).isEqualTo(token);
        assertThat(ApplianceAuthMechanism.applianceToken("bearer " + token)).isEqualTo(token);
        assertThat(ApplianceAuthMechanism.applianceToken("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig")).isNull();
        assertThat(ApplianceAuthMechanism.applianceToken("Basic " + token)).isNull();
        assertThat(ApplianceAuthMechanism.applianceToken(null)).isNull();
        assertThat(ApplianceTokens.wellFormed("itd_short")).isFalse();
    }
}
