package org.interdict.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedIpv4Test {

    @Test
    void anAddressHasOneNat64AndOne6to4Image() {
        assertThat(EmbeddedIpv4.images("8.8.8.8")).containsExactly(
                new EmbeddedIpv4.Image("NAT64", "8.8.8.8", "64:ff9b::808:808"),
                new EmbeddedIpv4.Image("6to4", "8.8.8.8", "2002:808:808::/48"));
        assertThat(EmbeddedIpv4.images("10.0.0.0/8")).extracting(EmbeddedIpv4.Image::ipv6)
                .containsExactly("64:ff9b::a00:0/104", "2002:a00::/24");
        assertThat(EmbeddedIpv4.images("0.0.0.0/0")).extracting(EmbeddedIpv4.Image::ipv6)
                .containsExactly("64:ff9b::/96", "2002::/16");
        assertThat(EmbeddedIpv4.images("2001:4860:4860::8888")).isEmpty();
    }

    @Test
    void ipv6InsideATranslationPrefixCarriesTheIpv4ItSpells() {
        assertThat(EmbeddedIpv4.embedded("64:ff9b::808:808")).extracting(EmbeddedIpv4.Image::ipv4)
                .containsExactly("8.8.8.8");
        assertThat(EmbeddedIpv4.embedded("64:ff9b::808:800/120")).extracting(EmbeddedIpv4.Image::ipv4)
                .containsExactly("8.8.8.0/24");
        // a 6to4 site is a /48; its subnets and hosts all reach the one IPv4 address
        assertThat(EmbeddedIpv4.embedded("2002:808:808:1::/64")).extracting(EmbeddedIpv4.Image::ipv4)
                .containsExactly("8.8.8.8");
        assertThat(EmbeddedIpv4.embedded("2002:808:808:1::1")).extracting(EmbeddedIpv4.Image::ipv4)
                .containsExactly("8.8.8.8");
        assertThat(EmbeddedIpv4.embedded("2002:800::/24")).extracting(EmbeddedIpv4.Image::ipv4)
                .containsExactly("8.0.0.0/8");
    }

    @Test
    void ipv6OverAWholePrefixCarriesEveryIpv4Address() {
        assertThat(EmbeddedIpv4.embedded("::/0")).containsExactly(
                new EmbeddedIpv4.Image("NAT64", "0.0.0.0/0", "64:ff9b::/96"),
                new EmbeddedIpv4.Image("6to4", "0.0.0.0/0", "2002::/16"));
        assertThat(EmbeddedIpv4.embedded("2000::/3")).extracting(EmbeddedIpv4.Image::translation)
                .containsExactly("6to4");
    }

    @Test
    void otherAddressesCarryNone() {
        assertThat(EmbeddedIpv4.embedded("2001:db8::1")).isEmpty();
        assertThat(EmbeddedIpv4.embedded("64:ff9b:1::1")).isEmpty();
        assertThat(EmbeddedIpv4.embedded("2003::/16")).isEmpty();
        assertThat(EmbeddedIpv4.embedded("8.8.8.8")).isEmpty();
    }
}
