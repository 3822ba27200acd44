package org.interdict.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, as far as it can be trusted. Quarkus reads {@code X-Forwarded-For} from any
 * peer unless trusted proxies are listed: with none listed, anyone could name any address there and escape a limit,
 * so the connection's own peer counts. With {@code quarkus.http.proxy.trusted-proxies} set, Quarkus honours the header
 * only from those proxies, and the address it resolved counts.
 */
@ApplicationScoped
public class ClientAddresses {

    private final boolean proxiesTrusted;

    public ClientAddresses(
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.proxiesTrusted = trustedProxies.map(list -> !list.isEmpty()).orElse(false);
    }

    public String of(HttpServerRequest request) {
        SocketAddress address = proxiesTrusted ? request.remoteAddress() : request.connection().remoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
