package io.resolvehub.agent.ingest;

import io.resolvehub.agent.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One model queue for every source being indexed: the {@code embedAll} calls of sources indexed at the same time are
 * coalesced into one model call of up to {@code groupTexts} texts, so a help center added as hundreds of one-passage
 * sources runs the model on full, length-sorted batches, as one large source does, instead of one padded batch of
 * one or two texts per source.
 *
 * <p>One thread calls the model: it takes the oldest request, then whatever else is waiting (waiting up to
 * {@code linger} for more while the group is not full), and runs them as one call; requests are never split. When a
 * coalesced call fails, each of its requests is run again alone, so one text the model cannot take fails only the
 * source that sent it. Callers block until their own vectors are ready. Only the ingestion goes through here:
 * answering calls the model directly and never waits behind a group.
 */
final class SharedModelBatches implements Embedder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedModelBatches.class);

    private record Request(List<String> texts, CompletableFuture<List<float[]>> vectors) {
    }

    private final Embedder model;
    private final int groupTexts;
    private final long lingerNanos;
    private final BlockingQueue<Request> waiting = new LinkedBlockingQueue<>();
    private final Thread runner;
    /** A request taken while lingering that did not fit the group then being built (read by the runner only). */
    private Request carried;
    private volatile boolean closed;

    SharedModelBatches(Embedder model, int groupTexts, Duration linger) {
        if (groupTexts < 1) {
            throw new IllegalArgumentException("groupTexts must be at least 1");
        }
        this.model = model;
        this.groupTexts = groupTexts;
        this.lingerNanos = linger.toNanos();
        this.runner = Thread.ofPlatform().name("ingest-model").daemon(true).start(this::run);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /** Queues the texts for the next model call and waits for their vectors. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return new ArrayList<>();
        }
        if (closed) {
            throw new IllegalStateException("the ingestion is shutting down");
        }
        Request request = new Request(List.copyOf(texts), new CompletableFuture<>());
        waiting.add(request);
        return SharedWork.await(request.vectors());
    }

    private void run() {
        while (!closed) {
            List<Request> group;
            try {
                group = nextGroup();
            } catch (InterruptedException e) {
                break;
            }
            embed(group);
        }
        if (carried != null) {
            waiting.add(carried);
        }
        Request left;
        while ((left = waiting.poll()) != null) {
            left.vectors().completeExceptionally(SharedWork.shuttingDown());
        }
    }

    /** The oldest request and those behind it, up to {@code groupTexts} texts, lingering briefly for a fuller group. */
    private List<Request> nextGroup() throws InterruptedException {
        Request first = carried != null ? carried : waiting.take();
        carried = null;
        List<Request> group = new ArrayList<>(List.of(first));
        int texts = first.texts().size();
        long deadline = System.nanoTime() + lingerNanos;
        while (texts < groupTexts) {
            Request next = waiting.peek();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (next = waiting.poll(left, TimeUnit.NANOSECONDS)) == null) {
                    break;
                }
                if (texts + next.texts().size() > groupTexts) {
                    carried = next;   // taken, but too many for this group: it leads the next one
                    break;
                }
            } else if (texts + next.texts().size() > groupTexts) {
                break;
            } else {
                waiting.poll();   // the request just peeked: this thread is the only one that takes
            }
            group.add(next);
            texts += next.texts().size();
        }
        return group;
    }

    private void embed(List<Request> group) {
        if (group.size() == 1) {
            embedAlone(group.getFirst());
            return;
        }
        List<String> texts = new ArrayList<>();
        group.forEach(request -> texts.addAll(request.texts()));
        List<float[]> vectors;
        try {
            vectors = model.embedAll(texts);
        } catch (RuntimeException e) {
            log.debug("A coalesced model call of {} texts failed; running its {} requests one by one", texts.size(), group.size(), e);
            group.forEach(this::embedAlone);
            return;
        }
        int from = 0;
        for (Request request : group) {
            int to = from + request.texts().size();
            request.vectors().complete(new ArrayList<>(vectors.subList(from, to)));
            from = to;
        }
    }

    private void embedAlone(Request request) {
        try {
            request.vectors().complete(model.embedAll(request.texts()));
        } catch (RuntimeException e) {
            request.vectors().completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        runner.interrupt();
        try {
            runner.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
