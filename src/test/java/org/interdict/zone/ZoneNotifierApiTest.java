package org.interdict.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.interdict.support.Api;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

@QuarkusTest
class ZoneNotifierApiTest {

    /**
     * A NOTIFY run waits seconds for a silent secondary; meanwhile the engineer removes another secondary of the
     * ISP, whose refusal the run has already recorded. The removal is not held up by the run, nor refused as a
     * concurrent change.
     */
    @Test
    void aSecondaryIsRemovedWhileTheRunWaitsForAnother() throws Exception {
        String isp = Api.newIsp();
        String engineer = Tokens.ispEngineer("eng-" + isp, isp);
        Api.approvedFor(List.of(isp), Api.unique("ZONE"), Api.unique("notify") + ".example.vn");
        ZoneTransferApiTest.blocking(isp);
        ZoneTransferApiTest.keyOf(isp);
        try (FakeSecondary refusing = new FakeSecondary(true); FakeSecondary silent = new FakeSecondary(false)) {
            long refusingId = register(engineer, isp, refusing.port());
            register(engineer, isp, silent.port());
            assertThat(refusing.notified.await(20, TimeUnit.SECONDS)).as("the refusing secondary notified").isTrue();
            assertThat(silent.notified.await(20, TimeUnit.SECONDS)).as("the silent secondary notified").isTrue();
            // The refusal is answered at once and recorded; the run goes on waiting for the silent one (3 s).
            Thread.sleep(300);
            long started = System.nanoTime();
            as(engineer).delete(secondaries(isp) + "/" + refusingId).then().statusCode(204);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("removal took (ms)")
                    .isLessThan(2_000);
        }
        as(engineer).get(secondaries(isp)).then().statusCode(200)
                .body("size()", equalTo(1));
    }

    private static long register(String engineer, String isp, int port) {
        return as(engineer).body(Map.of("address", "127.0.0.1", "port", port)).post(secondaries(isp)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String secondaries(String isp) {
        return "/api/v1/isps/" + isp + "/zone/secondaries";
    }

    /** A UDP socket taking NOTIFY messages: it answers each with REFUSED, or never answers. */
    private static final class FakeSecondary implements AutoCloseable {
        final CountDownLatch notified = new CountDownLatch(1);
        private final DatagramSocket socket;
        private final Thread thread;

        FakeSecondary(boolean refusing) throws SocketException {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(refusing), "fake-secondary");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(boolean refusing) {
            byte[] buffer = new byte[4096];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    Message request = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                    if (request.getHeader().getOpcode() != Opcode.NOTIFY) {
                        continue;
                    }
                    notified.countDown();
                    if (refusing) {
                        Message answer = new Message(request.getHeader().getID());
                        answer.getHeader().setOpcode(Opcode.NOTIFY);
                        answer.getHeader().setFlag(Flags.QR);
                        answer.getHeader().setRcode(Rcode.REFUSED);
                        answer.addRecord(request.getQuestion(), Section.QUESTION);
                        byte[] wire = answer.toWire();
                        socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                    }
                } catch (IOException e) {
                    // Closed at the end of the test, or a message that is no DNS: the next one.
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(5_000);
        }
    }
}
