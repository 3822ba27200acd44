package org.interdict.zone;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.interdict.config.InterdictConfig;
import org.jboss.logging.Logger;

/**
 * The DNS listener: TCP (messages framed by a two-octet length, RFC 1035 §4.2.2) and UDP on the same port. Sockets
 * are Vert.x's; each request is answered on a worker thread, and a transfer writes message by message, waiting for
 * each to be handed to the kernel, so a slow secondary holds back the rendering instead of filling the heap.
 */
@ApplicationScoped
public class ZoneServer {

    private static final Logger LOG = Logger.getLogger(ZoneServer.class);
    private static final int LENGTH_OCTETS = 2;
    /** A secondary that takes no message for this long is dropped. */
    private static final long WRITE_TIMEOUT_SECONDS = 60;
    private static final int WORKERS = 8;

    private final Vertx vertx;
    private final ZoneRequests requests;
    private final InterdictConfig config;
    private final ZoneNotifier notifier;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread thread = new Thread(r, "zone-request");
        thread.setDaemon(true);
        return thread;
    });
    private NetServer tcp;
    private DatagramSocket udp;
    private volatile int port;

    public ZoneServer(Vertx vertx, ZoneRequests requests, InterdictConfig config, ZoneNotifier notifier) {
        this.vertx = vertx;
        this.requests = requests;
        this.config = config;
        this.notifier = notifier;
    }

    void start(@Observes StartupEvent event) {
        if (config.zone().enabled()) {
            listen(config.zone().port());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        close();
        workers.shutdownNow();
    }

    /**
     * Binds TCP and UDP on {@code requestedPort} (0: a free one), then has every secondary told of the current
     * version again, as a primary does when it starts: one that missed a version while the listener was away, or
     * gave up refreshing from it, transfers at once instead of on its retry timer.
     */
    void listen(int requestedPort) {
        String host = config.zone().host();
        tcp = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(requestedPort))
                .connectHandler(this::connected);
        await(tcp.listen());
        // Port 0 asks for a free TCP port; UDP then takes the same number.
        port = tcp.actualPort();
        udp = vertx.createDatagramSocket(new DatagramSocketOptions());
        udp.handler(packet -> workers.execute(() -> answer(packet)));
        await(udp.listen(port, host));
        LOG.infof("Zone transfer listening on %s port %d (TCP and UDP)", host, port);
        notifier.announce();
    }

    /** Stops listening; transfers under way end when their next message cannot be written. */
    void close() {
        if (tcp != null) {
            await(tcp.close());
            await(udp.close());
            tcp = null;
            udp = null;
        }
    }

    /** The port bound, TCP and UDP; 0 when the listener is off. */
    public int port() {
        return port;
    }

    private void connected(NetSocket socket) {
        String client = socket.remoteAddress().hostAddress();
        RecordParser parser = RecordParser.newFixed(LENGTH_OCTETS);
        parser.handler(new io.vertx.core.Handler<>() {
            private boolean length = true;

            @Override
            public void handle(Buffer chunk) {
                if (length) {
                    int size = chunk.getUnsignedShort(0);
                    if (size == 0) {
                        socket.close();
                        return;
                    }
                    length = false;
                    parser.fixedSizeMode(size);
                    return;
                }
                length = true;
                parser.fixedSizeMode(LENGTH_OCTETS);
                byte[] message = chunk.getBytes();
                // One request at a time per connection: the next is read once this one is answered.
                socket.pause();
                workers.execute(() -> {
                    try {
                        requests.answer(message, client, true, wire -> write(socket, wire));
                        socket.resume();
                    } catch (IOException | RuntimeException e) {
                        LOG.warnf("Zone request from %s over TCP ended: %s", client, e.toString());
                        socket.close();
                    }
                });
            }
        });
        socket.handler(parser);
    }

    private void answer(DatagramPacket packet) {
        String client = packet.sender().hostAddress();
        try {
            requests.answer(packet.data().getBytes(), client, false,
                    wire -> udp.send(Buffer.buffer(wire), packet.sender().port(), client));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Zone request from %s over UDP ended: %s", client, e.toString());
        }
    }

    private static void write(NetSocket socket, byte[] wire) throws IOException {
        Buffer framed = Buffer.buffer(wire.length + LENGTH_OCTETS).appendUnsignedShort(wire.length).appendBytes(wire);
        try {
            socket.write(framed).toCompletionStage().toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot write to the secondary: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing to the secondary", e);
        }
    }

    private static void await(io.vertx.core.Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the zone listener", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot bind the zone listener: " + e.getMessage(), e);
        }
    }
}
