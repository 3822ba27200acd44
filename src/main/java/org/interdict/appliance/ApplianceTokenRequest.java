package org.interdict.appliance;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An appliance token presented as a bearer token. Its {@code toString} never shows the token. */
public final class ApplianceTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApplianceTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "ApplianceTokenRequest";
    }
}
