package io.resolvehub.agent.ingest;

import io.resolvehub.agent.KnowledgeIndex;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the writes of many sources searchable with one index refresh (a Lucene commit and reopen, an Elasticsearch
 * refresh) instead of one each: a source that has written its chunks waits for the next refresh, which starts
 * {@code linger} after the first source asked for it and serves every source that asked until it started. Since a
 * refresh only starts after the request, a source whose wait returns is searchable: it may be called ready. Refreshes
 * run one at a time on one scheduler thread; sources asking while one runs share the next.
 */
final class GroupedRefresh implements AutoCloseable {

    private final KnowledgeIndex index;
    private final long lingerNanos;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ingest-refresh").daemon(true).factory());
    /** The refresh not started yet, which the next callers join; null when none is due. */
    private CompletableFuture<Void> next;

    GroupedRefresh(KnowledgeIndex index, Duration linger) {
        this.index = index;
        this.lingerNanos = linger.toNanos();
    }

    /** Waits until a refresh that started after this call has made everything written before it searchable. */
    void awaitRefresh() {
        CompletableFuture<Void> refresh;
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
                scheduler.schedule(this::refresh, lingerNanos, TimeUnit.NANOSECONDS);
            }
            refresh = next;
        }
        SharedWork.await(refresh);
    }

    private void refresh() {
        CompletableFuture<Void> due;
        synchronized (this) {
            due = next;
            next = null;
        }
        try {
            index.refresh();
            due.complete(null);
        } catch (RuntimeException e) {
            due.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        synchronized (this) {
            if (next != null) {
                next.completeExceptionally(SharedWork.shuttingDown());
            }
        }
    }
}
