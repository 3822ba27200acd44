package org.interdict.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class LegacyAuthoritiesTest {

    @Test
    void spellingsOfOneNameShareAKey() {
        String name = "Sở TT&TT Đà Nẵng";
        assertThat(LegacyAuthorities.key(name)).isEqualTo("sở tt&tt đà nẵng");
        assertThat(LegacyAuthorities.key(Normalizer.normalize(name, Normalizer.Form.NFD)))
                .isEqualTo(LegacyAuthorities.key(name));
        assertThat(LegacyAuthorities.key("SỞ TT&TT ĐÀ NẴNG")).isEqualTo(LegacyAuthorities.key(name));
        assertThat(LegacyAuthorities.key(" \tSở\u00a0TT&TT   Đà\nNẵng\u2003")).isEqualTo(LegacyAuthorities.key(name));
    }

    @Test
    void differentLettersStayDifferent() {
        // Accents are letters in Vietnamese: "Sở" is not "Sơ", nor "So".
        assertThat(LegacyAuthorities.key("Sơ TT&TT Đà Nẵng")).isNotEqualTo(LegacyAuthorities.key("Sở TT&TT Đà Nẵng"));
        assertThat(LegacyAuthorities.key("So TT&TT Da Nang")).isNotEqualTo(LegacyAuthorities.key("Sở TT&TT Đà Nẵng"));
        assertThat(LegacyAuthorities.key("BTTTT")).isNotEqualTo(LegacyAuthorities.key("B TTTT"));
    }
}
