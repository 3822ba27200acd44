package org.interdict.lookup;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What each category of order means, in plain words for the public: English here, Vietnamese in
 * {@code messages/basis_vi.properties}. The public lookup answers both, so every client can show either.
 */
@MessageBundle(value = "basis", locale = "en")
public interface LegalBasisWords {

    @Message("The site spreads malicious software that harms devices or steals data. Vietnamese law on network"
            + " information security and cybersecurity requires access to it to be stopped.")
    String malware();

    @Message("The site imitates a bank, a shop or a public service to trick people into giving passwords or money."
            + " Vietnamese law on network information security requires access to it to be stopped.")
    String phishing();

    @Message("The address is used to control hacked devices (a botnet). Vietnamese cybersecurity law requires its"
            + " traffic to be stopped.")
    String botnet();

    @Message("The site is used to defraud people of money or property. Vietnamese law requires access to it to be"
            + " stopped.")
    String fraud();

    @Message("The site offers gambling that is not licensed in Viet Nam, which the law forbids.")
    String gambling();

    @Message("The site carries content that Vietnamese law forbids publishing on the internet.")
    String illegalContent();

    @Message("The site makes copyrighted works available without the right holder's permission, which the law on"
            + " intellectual property forbids.")
    String copyright();

    @Message("The order was issued under Vietnamese law on internet services and online information; its legal"
            + " basis names the provision.")
    String other();

    @Message("Some orders are not published, to protect the people they concern. An address without a published"
            + " order here may still be blocked for such a reason; nothing more is said about it.")
    String unpublishedNotice();
}
