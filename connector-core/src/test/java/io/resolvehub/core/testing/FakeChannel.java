package io.resolvehub.core.testing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.Verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An in-memory channel for tests of code that drives connectors (the pipeline, hub-app): records every message,
 * hand-off and confirmation, and can be told to fail the next calls (e.g. a 429 with {@code Retry-After}).
 * Settings: {@code accountId} (the account key) and the secret {@code token}.
 */
public final class FakeChannel implements ChannelConnectorFactory {

    /** What the user saw in place, in order: answers, clarifications and hand-off notices. */
    public record Posted(ConversationRef conversation, String text, boolean feedbackControls) {
    }

    private final ChannelType type;
    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final List<HandoffRequest> handoffs = new CopyOnWriteArrayList<>();
    private final List<ConversationRef> confirmations = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Supplier<RuntimeException>> failures = new ConcurrentLinkedDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile Supplier<RuntimeException> failAlways;
    private volatile Function<InboundMessage, Optional<InboundMessage>> changes = notice -> Optional.empty();

    public FakeChannel(ChannelType type) {
        this.type = type;
    }

    /** Where an answer's text splits into separate platform messages (most answers are one). */
    public static final String PART_BREAK = "\n<part>\n";

    private volatile Supplier<RuntimeException> failBeforeLaterPart;

    /** The next reply of several parts fails once after its first part went out (a crash mid-reply). */
    public void failAfterFirstPart(Supplier<RuntimeException> failure) {
        this.failBeforeLaterPart = failure;
    }

    /** The next {@code times} platform calls throw what {@code failure} makes. */
    public void failNext(int times, Supplier<RuntimeException> failure) {
        for (int i = 0; i < times; i++) failures.add(failure);
    }

    /** Every platform call throws (null to heal). */
    public void failAlways(Supplier<RuntimeException> failure) {
        this.failAlways = failure;
    }

    /** What a change notice asks when it is read ({@link ChannelConnector#readChange}); nothing by default. */
    public void readsChangesAs(Function<InboundMessage, Optional<InboundMessage>> reader) {
        this.changes = reader;
    }

    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    public List<HandoffRequest> handoffs() {
        return List.copyOf(handoffs);
    }

    public List<ConversationRef> confirmations() {
        return List.copyOf(confirmations);
    }

    @Override
    public ChannelType type() {
        return type;
    }

    @Override
    public List<ChannelConfigProperty> configProperties() {
        return List.of(new ChannelConfigProperty("accountId", "Account id", true, false, true),
                new ChannelConfigProperty("token", "API token", true, true, false),
                new ChannelConfigProperty("escalation", "Escalation destination", false, false, false));
    }

    @Override
    public Verification verify(ChannelSettings settings) {
        for (ChannelConfigProperty p : configProperties()) {
            if (p.required() && settings.get(p.name()).isEmpty()) {
                return Verification.failure(p.name() + " is required");
            }
        }
        return Verification.success("ok");
    }

    @Override
    public ChannelConnector create(TenantId tenant, ChannelSettings settings) {
        return new ChannelConnector() {
            @Override
            public DeliveryReceipt send(OutboundMessage message) {
                String[] parts = message.answer().text().split(PART_BREAK);
                int from = message.parts().count();
                for (int i = from; i < parts.length; i++) {
                    maybeFail();
                    if (i > 0 && failBeforeLaterPart != null) {
                        Supplier<RuntimeException> failure = failBeforeLaterPart;
                        failBeforeLaterPart = null;
                        throw failure.get();
                    }
                    posted.add(new Posted(message.conversation(), parts[i], message.feedbackControls()));
                    if (i == from) {
                        sent.add(message); // the platform shows it from its first part on, recorded or not
                    }
                    message.parts().sent("m" + messageIds.incrementAndGet());
                }
                String id = message.parts().lastPlatformMessageId();
                return new DeliveryReceipt(id, id == null ? Map.of() : Map.of("answerMessageId", id));
            }

            @Override
            public TicketRef handOff(HandoffRequest request) {
                maybeFail();
                TicketRef ticket = request.desk().openTicket(request.conversation(), request.reason(),
                        "https://chat.example.com/" + request.conversation().ref().threadKey());
                handoffs.add(request);
                posted.add(new Posted(request.conversation().ref(), request.noticeFor(ticket), false));
                return ticket;
            }

            @Override
            public void confirmResolved(ConversationRef conversation) {
                maybeFail();
                confirmations.add(conversation);
            }

            @Override
            public Optional<InboundMessage> readChange(InboundMessage notice) {
                maybeFail();
                return changes.apply(notice);
            }
        };
    }

    private void maybeFail() {
        Supplier<RuntimeException> always = failAlways;
        if (always != null) throw always.get();
        Supplier<RuntimeException> next = failures.poll();
        if (next != null) throw next.get();
    }
}
