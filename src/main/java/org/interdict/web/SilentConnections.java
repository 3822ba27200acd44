package org.interdict.web;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes {@code quarkus.http.idle-timeout} count from the last byte the service wrote, not from the last byte it
 * read or wrote. A client that trickles its request (a header byte a second, say) keeps an idle timer from firing
 * forever, and neither Vert.x nor Quarkus has a deadline for receiving headers; it never gets an answer written
 * before its request is complete, so this timer drops it. The price: a request body must arrive, and an answer
 * start (or a streamed one go on), within the timeout; the service's answers do (long ones stream, the longest query
 * has its own timeout), and the timeout leaves a 64 MB upload about 500 KB/s.
 */
@ApplicationScoped
public class SilentConnections implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setWriteIdleTimeout(options.getIdleTimeout());
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setWriteIdleTimeout(options.getIdleTimeout());
    }
}
