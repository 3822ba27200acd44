package org.interdict.publish;

import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking use of the Redis client, for the publisher's own thread (never the event loop); every wait is bounded,
 * so an unreachable Redis fails an attempt instead of stalling it.
 */
final class RedisLink {

    /** Batches sent before the oldest one's replies are awaited: keeps Redis busy while the next batch is encoded. */
    private static final int IN_FLIGHT = 4;

    private final Redis redis;
    private final Duration timeout;

    RedisLink(Redis redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    /** The reply, or null for a nil reply. */
    Response send(Request request) {
        return redis.send(request).await().atMost(timeout);
    }

    List<Response> batch(List<Request> requests) {
        return redis.batch(requests).await().atMost(timeout);
    }

    /** Sends every request, pipelined in batches of {@code size}; batches may complete in any order. */
    void pipeline(Iterator<Request> requests, int size) {
        Deque<CompletableFuture<List<Response>>> sent = new ArrayDeque<>();
        while (requests.hasNext()) {
            List<Request> batch = new ArrayList<>(size);
            while (batch.size() < size && requests.hasNext()) {
                batch.add(requests.next());
            }
            sent.add(redis.batch(batch).subscribeAsCompletionStage());
            if (sent.size() >= IN_FLIGHT) {
                await(sent.poll());
            }
        }
        while (!sent.isEmpty()) {
            await(sent.poll());
        }
    }

    private void await(CompletableFuture<List<Response>> replies) {
        try {
            replies.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Redis batch failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis batch timed out after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to Redis", e);
        }
    }
}
