package org.interdict.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free port, for the whole test run: the service sends its
 * e-mails there. Tests read what arrived, and may stop it and start it again on the same port to play an outage;
 * what arrived before a restart is kept.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static final long WAIT_MILLIS = 30_000;
    private static int port;
    private static GreenMail server;
    private static final List<MimeMessage> BEFORE_RESTARTS = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.from", "interdict@test.interdict.vn");
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Starts the server (again) on the run's port. */
    public static synchronized void startServer() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server: connections to the port are refused until {@link #startServer()}. */
    public static synchronized void stopServer() {
        if (server != null) {
            BEFORE_RESTARTS.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Every message received in this run, in order of arrival. */
    public static synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(BEFORE_RESTARTS);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }

    /** The messages to {@code address}, once there are at least {@code count} of them; fails after a few seconds. */
    public static List<MimeMessage> awaitMessagesTo(String address, int count) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            List<MimeMessage> to = messagesTo(address);
            if (to.size() >= count) {
                return to;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("expected " + count + " message(s) to " + address + " within "
                        + WAIT_MILLIS + " ms, received " + to.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The messages received so far to {@code address}. */
    public static List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : received()) {
            try {
                for (Address recipient : message.getAllRecipients()) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        to.add(message);
                        break;
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }
}
