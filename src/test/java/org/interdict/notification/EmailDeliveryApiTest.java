package org.interdict.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interdict.persistence.Transactions;
import org.interdict.support.Api;
import org.interdict.support.Db;
import org.interdict.support.Waits;
import org.junit.jupiter.api.Test;

/** E-mails queued in a transaction reach a real SMTP server after the commit, survive its outage, and go out once. */
@QuarkusTest
class EmailDeliveryApiTest {

    @Inject
    Notifications notifications;

    @Inject
    NotificationDelivery delivery;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void anEmailQueuedInACommittedTransactionIsDeliveredWithItsSubjectAndText() throws Exception {
        String to = Api.unique("officer") + "@example.vn";
        double delivered = metrics.get("interdict.notifications.delivered").tag("channel", "email").counter().count();
        queue(new EmailNotice(to, "Kháng nghị 42 đã được tiếp nhận", "Appeal 42 was received.\nXin cảm ơn.",
                "appeal:42:received"));

        MimeMessage message = MailServer.awaitMessagesTo(to, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Kháng nghị 42 đã được tiếp nhận");
        assertThat(GreenMailUtil.getBody(message)).contains("Appeal 42 was received.");
        assertThat(message.getFrom()[0].toString()).isEqualTo("interdict@test.interdict.vn");
        awaitState(to, "delivered");
        assertThat(Db.queryString("select cause from notification where recipient = ?", to))
                .isEqualTo("appeal:42:received");
        // An SMTP server just restarted by another test may time a first attempt out: it is then retried, and one
        // attempt delivers.
        assertThat(Db.queryString("select count(*) filter (where delivered) from notification_attempt a"
                + " join notification n on n.id = a.notification_id where n.recipient = ?", to)).isEqualTo("1");
        assertThat(metrics.get("interdict.notifications.delivered").tag("channel", "email").counter().count())
                .isGreaterThan(delivered);
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        String dropped = Api.unique("dropped") + "@example.vn";
        String kept = Api.unique("kept") + "@example.vn";
        try {
            Transactions.inTransaction(dataSource, c -> {
                notifications.email(c, new EmailNotice(dropped, "never", "never", "test:rollback"));
                throw new IllegalStateException("the change fails after queueing");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        queue(new EmailNotice(kept, "kept", "kept", "test:rollback"));

        MailServer.awaitMessagesTo(kept, 1);
        delivery.deliverDue();
        assertThat(MailServer.messagesTo(dropped)).isEmpty();
        assertThat(Db.queryString("select count(*) from notification where recipient = ?", dropped)).isEqualTo("0");
    }

    @Test
    void whileTheSmtpServerIsDownAttemptsAreRecordedAndTheEmailIsDeliveredWhenItReturns() {
        String to = Api.unique("outage") + "@example.vn";
        MailServer.stopServer();
        try {
            queue(new EmailNotice(to, "During the outage", "Sent when SMTP is back", "test:outage"));
            awaitAttempts(to, 2);
            assertThat(Db.queryString("select state from notification where recipient = ?", to)).isEqualTo("pending");
            assertThat(Db.queryString("select last_error from notification where recipient = ?", to)).startsWith("SMTP");
            assertThat(Db.queryString("select count(*) filter (where not delivered) from notification_attempt a"
                    + " join notification n on n.id = a.notification_id where n.recipient = ?", to)).isNotEqualTo("0");
            delivery.deliverDue();
            assertThat(metrics.get("interdict.notifications.oldest.pending.age").gauge().value()).isPositive();
        } finally {
            MailServer.startServer();
        }

        MimeMessage message = MailServer.awaitMessagesTo(to, 1).get(0);
        assertThat(GreenMailUtil.getBody(message)).contains("Sent when SMTP is back");
        awaitState(to, "delivered");
        assertThat(MailServer.messagesTo(to)).hasSize(1);
        assertThat(Db.queryString("select (attempts >= 3)::text from notification where recipient = ?", to))
                .isEqualTo("true");
    }

    @Test
    void twoRunnersAtOnceNeverSendTheSameEmailTwice() throws Exception {
        String prefix = Api.unique("race");
        int count = 30;
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(prefix + "-" + i + "@example.vn");
        }
        // Queued without waking the runner: committed by plain SQL, so that the two runners below find them all.
        for (String address : addresses) {
            Db.update("insert into notification (channel, recipient, subject, body, cause, created_at,"
                    + " next_attempt_at) values ('email', ?, 'race', 'race', 'test:race', now(), now())", address);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> runner = delivery::deliverDue;
            Future<Integer> first = threads.submit(runner);
            Future<Integer> second = threads.submit(runner);
            first.get();
            second.get();
        } finally {
            threads.shutdown();
        }
        for (String address : addresses) {
            assertThat(MailServer.awaitMessagesTo(address, 1)).as(address).hasSize(1);
        }
        delivery.deliverDue();
        for (String address : addresses) {
            assertThat(MailServer.messagesTo(address)).as(address).hasSize(1);
        }
        // An attempt may fail under load (and be retried), but no e-mail is ever delivered twice.
        assertThat(Db.queryString("select count(*) from notification_attempt a join notification n"
                + " on n.id = a.notification_id where n.cause = 'test:race' and n.recipient like ? and a.delivered",
                prefix + "%")).isEqualTo(String.valueOf(count));
    }

    private void queue(EmailNotice notice) {
        Transactions.inTransaction(dataSource, c -> {
            notifications.email(c, notice);
            return null;
        });
    }

    static void awaitState(String recipient, String state) {
        await(() -> state.equals(Db.queryString("select state from notification where recipient = ?", recipient)),
                recipient + " " + state);
    }

    private static void awaitAttempts(String recipient, int attempts) {
        await(() -> {
            String made = Db.queryString("select attempts from notification where recipient = ?", recipient);
            return made != null && Integer.parseInt(made) >= attempts;
        }, recipient + " after " + attempts + " attempts");
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        Waits.until(condition, what);
    }
}
