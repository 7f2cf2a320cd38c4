package io.resolvehub.core.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Collects published events and whether each was published inside a transaction (billing relies on that). A test
 * may install a listener that runs synchronously, like billing's, e.g. one that fails to prove the rollback.
 */
public final class RecordingPublisher implements ApplicationEventPublisher {

    public record Published(Object event, boolean inTransaction) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile Consumer<Object> listener = event -> { };

    public void listener(Consumer<Object> listener) {
        this.listener = listener;
    }

    @Override
    public void publishEvent(Object event) {
        listener.accept(event);
        published.add(new Published(event, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    public List<Published> all() {
        return List.copyOf(published);
    }

    public <T> List<T> of(Class<T> type) {
        return published.stream().map(Published::event).filter(type::isInstance).map(type::cast).toList();
    }
}
