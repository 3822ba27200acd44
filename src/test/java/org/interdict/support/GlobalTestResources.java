package org.interdict.support;

import io.quarkus.test.common.QuarkusTestResource;
import org.interdict.notification.MailServer;

/** Applies to every @QuarkusTest, so Quarkus boots once for the whole suite. */
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(RedisPrefix.class)
@QuarkusTestResource(MailServer.class)
public final class GlobalTestResources {
    private GlobalTestResources() {}
}
