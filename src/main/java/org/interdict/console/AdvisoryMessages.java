package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of advisories, incidents and alert periods in the console, in English here and in Vietnamese in
 * {@code messages/adv_vi.properties}: templates use them as {@code adv:name}.
 */
@MessageBundle(value = "adv", locale = "en")
public interface AdvisoryMessages {

    @Message("Alert period in force")
    String alertInForce();

    @Message("level {level}, until {until}")
    String alertLevelUntil(String level, String until);
}
