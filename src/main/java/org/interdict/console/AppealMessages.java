package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public pages (lookup, landing page, appeals) and of the appeal review pages, in English here and in
 * Vietnamese in {@code messages/apl_vi.properties}; templates use them as {@code apl:name}.
 */
@MessageBundle(value = "apl", locale = "en")
public interface AppealMessages {

    @Message("Interdict: public register of blocking orders")
    String publicProduct();

    @Message("Is it blocked?")
    String navLookup();

    @Message("Language")
    String language();

    @Message("Skip to the content")
    String skipLink();

    @Message("This register is public. Nobody signs in and nothing is remembered about your visit.")
    String publicFooter();

    // Lookup

    @Message("Is it blocked, and why?")
    String lookupTitle();

    @Message("Domain name, web address or IP address")
    String lookupQuery();

    @Message("For example xo-so.example.vn, https://example.vn/page or 203.0.113.7.")
    String lookupHint();

    @Message("Look up")
    String lookUp();

    @Message("{name} is blocked by these published orders")
    String listed(String name);

    @Message("No published order blocks {name}")
    String notListed(String name);

    @Message("Reference")
    String reference();

    @Message("Issued by")
    String authority();

    @Message("Issued on")
    String issuedOn();

    @Message("Category")
    String category();

    @Message("What it means")
    String plainWords();

    @Message("Legal basis stated in the order")
    String legalBasis();

    @Message("In force since")
    String inForceSince();

    @Message("Orders")
    String ordersCaption();

    // Landing page

    @Message("This site is blocked")
    String landingTitle();

    @Message("Your internet provider blocks {name} by order of a Vietnamese authority.")
    String landingListed(String name);

    @Message("The site you tried to reach is not available through your internet provider.")
    String landingNeutral();

    @Message("If you think this is a mistake, you can look up a site and appeal against an order.")
    String landingNeutralHelp();

    @Message("Look up a site")
    String landingLookupLink();
}
