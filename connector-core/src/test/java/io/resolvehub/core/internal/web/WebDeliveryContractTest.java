package io.resolvehub.core.internal.web;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.testing.ChannelDeliveryContract;

import java.util.List;
import java.util.Map;

/**
 * The web channel passes the delivery contract every channel passes. It has no platform to post to: its reply is the
 * stored assistant turn the REST call returns ({@link WebConversationsTest} shows that), so the suite checks that its
 * connector acknowledges every delivery, opens the hand-off's ticket at the desk, and fails a hand-off whose ticket
 * could not be opened.
 */
class WebDeliveryContractTest extends ChannelDeliveryContract {

    @Override
    protected ChannelConnector newConnector() {
        return new WebChannelConnector();
    }

    @Override
    protected ConversationRef conversation() {
        return new ConversationRef(new ConversationId("c-dana"), new TenantId("acme"), ChannelType.WEB, "c-dana",
                new UserRef("dana", "dana", null), Map.of());
    }

    /** Nothing: the web channel posts nowhere; the user reads the REST reply. */
    @Override
    protected List<String> platformPosts() {
        return List.of();
    }

    @Override
    protected boolean repliesInPlace() {
        return false;
    }

    @Override
    protected boolean confirmsResolutionInPlace() {
        return false;
    }
}
