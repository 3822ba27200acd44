package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZoneNamesTest {

    private final ZoneNames names = new ZoneNames("interdict.");

    @Test
    void aZoneNameLeadsBackToItsIsp() {
        assertThat(names.zoneOf("vnpt")).isEqualTo("vnpt.rpz.interdict.");
        assertThat(names.ispOf("vnpt.rpz.interdict.")).isEqualTo("vnpt");
        assertThat(names.ispOf("VNPT.RPZ.Interdict.")).isEqualTo("vnpt");
    }

    @Test
    void otherNamesNameNoZone() {
        assertThat(names.ispOf("rpz.interdict.")).isNull();
        assertThat(names.ispOf(".rpz.interdict.")).isNull();
        assertThat(names.ispOf("a.vnpt.rpz.interdict.")).isNull();
        assertThat(names.ispOf("vnpt.rpz.example.")).isNull();
        assertThat(names.ispOf("vnpt.rpz.interdict")).isNull();
    }

    @Test
    void theSuffixIsAbsolute() {
        assertThatThrownBy(() -> new ZoneNames("interdict")).hasMessageContaining("absolute");
        assertThat(new ZoneNames("Example.VN.").zoneOf("viettel")).isEqualTo("viettel.rpz.example.vn.");
    }
}
