package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the zone transfers shown on the ISP's compliance page, in English here and in Vietnamese in
 * {@code messages/zone_vi.properties}: templates use them as {@code zone:name}.
 */
@MessageBundle(value = "zone", locale = "en")
public interface ZoneMessages {

    @Message("Zone transfers")
    String transfersTitle();

    @Message("The last transfer of the ISP's response policy zone to each address that took it by DNS (AXFR or IXFR"
            + " with the ISP's TSIG key): the serial is the version it received.")
    String transfersCaption();

    @Message("No resolver has transferred the zone yet.")
    String noTransfers();

    @Message("Address")
    String address();

    @Message("Serial")
    String serial();

    @Message("Transfer")
    String kind();

    @Message("Time")
    String time();

    @Message("{#if current}current{#else}behind{/if}")
    String state(boolean current);
}
