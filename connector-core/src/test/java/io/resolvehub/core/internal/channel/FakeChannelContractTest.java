package io.resolvehub.core.internal.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.testing.PlatformConnectorContract;
import io.resolvehub.core.testing.FakeChannel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the platform channel contract (and with it the delivery contract) against the in-memory {@link FakeChannel}, so the suite itself is exercised in core (and
 * the fake the pipeline tests rely on keeps the contract). The "platform" renders a post as its text, the cited
 * titles and URLs, and the control ids.
 */
class FakeChannelContractTest extends PlatformConnectorContract {

    private final FakeChannel channel = new FakeChannel(new ChannelType("fake"));

    @Override
    protected ChannelConnectorFactory factory() {
        return channel;
    }

    @Override
    protected ChannelSettings validSettings() {
        return new ChannelSettings(Map.of("accountId", "A1", "token", "t0k3n"));
    }

    @Override
    protected ConversationRef conversation() {
        return new ConversationRef(new ConversationId("c-1"), new TenantId("acme"), channel.type(), "thread-1",
                new UserRef("U1", "Dana", null), Map.of("channel", "C1"));
    }

    @Override
    protected List<String> platformPosts() {
        List<String> posts = new ArrayList<>();
        channel.sent().forEach(m -> {
            StringBuilder post = new StringBuilder(m.answer().text());
            m.answer().citations().forEach(c -> post.append("\n<").append(c.url()).append("|").append(c.title()).append(">"));
            if (m.feedbackControls()) post.append("\n[hub_resolved] [hub_handoff]");
            posts.add(post.toString());
        });
        channel.handoffs().forEach(h -> posts.add("handoff"));
        channel.posted().stream().filter(p -> !p.feedbackControls()).forEach(p -> posts.add(p.text()));
        channel.confirmations().forEach(c -> posts.add("marked as solved"));
        return posts;
    }

    @Override
    protected void platformRateLimitsNextCall(Duration retryAfter) {
        channel.failNext(1, () -> ChannelException.retriable("429 Too Many Requests", retryAfter, null));
    }

    @Override
    protected void platformRejectsNextCallAsUnauthorized() {
        channel.failNext(1, () -> ChannelException.permanent("401 invalid_auth", null));
    }
}
