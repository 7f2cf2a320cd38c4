package io.resolvehub.core.internal.web;

import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.TicketRef;

/**
 * The built-in web channel's outbound side: there is no platform to post to; the reply is the stored assistant turn,
 * which the REST call that is the event's worker ({@link DefaultWebConversations}) returns. A hand-off opens the
 * ticket at the chosen desk.
 */
class WebChannelConnector implements ChannelConnector {

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        return DeliveryReceipt.of(null);
    }

    @Override
    public TicketRef handOff(HandoffRequest request) {
        return request.desk().openTicket(request.conversation(), request.reason(), null);
    }

    @Override
    public void confirmResolved(ConversationRef conversation) {
        // the REST reply carries the new status
    }
}
