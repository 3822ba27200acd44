package org.interdict.publish;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Boots the service against {@link OwnRedisServer} instead of the shared Redis. */
public class OwnRedisProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OwnRedisServer.class));
    }
}
