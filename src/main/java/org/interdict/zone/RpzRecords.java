package org.interdict.zone;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.interdict.compile.RuleSet;
import org.interdict.export.RenderContext;
import org.interdict.export.RuleSetRenderer;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The records of a zone, exactly as the RPZ export writes them: the renderer writes its text into a pipe on one
 * thread while dnsjava's zone-file parser reads records out of it on the caller's, so a million-rule zone flows
 * through a 64 KiB buffer instead of being built in memory. The first record is the SOA.
 */
final class RpzRecords {

    private static final int PIPE_OCTETS = 64 * 1024;

    /** Takes records one by one; may throw to stop the zone midway (the client went away). */
    interface Consumer {
        void accept(Record record) throws IOException;
    }

    private RpzRecords() {}

    /**
     * Renders {@code rules} with {@code renderer} on a thread of {@code renderers} and hands each record to
     * {@code consumer} on this one. An error on either side stops both.
     */
    static void forEach(RuleSetRenderer renderer, RuleSet rules, RenderContext context, Name origin,
            ExecutorService renderers, Consumer consumer) throws IOException {
        PipedInputStream in = new PipedInputStream(PIPE_OCTETS);
        PipedOutputStream out = new PipedOutputStream(in);
        Future<?> rendering = renderers.submit(() -> {
            try (out) {
                renderer.render(rules, context, out);
            }
            return null;
        });
        try (Master master = new Master(in, origin)) {
            master.disableIncludes();
            Record record;
            while ((record = master.nextRecord()) != null) {
                consumer.accept(record);
            }
        } finally {
            // Closing the reading end makes a renderer still writing fail at once rather than wait for room.
            in.close();
        }
        try {
            rendering.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("rendering the zone failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering the zone", e);
        }
    }
}
