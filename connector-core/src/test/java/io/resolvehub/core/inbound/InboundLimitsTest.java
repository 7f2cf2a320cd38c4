package io.resolvehub.core.inbound;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's bounds on what a platform sent, before the intake stores it. */
class InboundLimitsTest {

    private static InboundMessage message(String eventId, String thread, UserRef user, Map<String, String> context,
                                          String text) {
        return new InboundMessage(new TenantId("acme"), ChannelType.SLACK, eventId, thread, InboundKind.MESSAGE, text,
                user, context, null);
    }

    private static InboundMessage ok() {
        return message("Ev1", "C1:1.2", new UserRef("U1", "Dana", "dana@example.com"), Map.of("channel", "C1"), "hi");
    }

    @Test
    void aWellFormedMessageIsKeptAsItIs() {
        InboundMessage ok = ok();

        assertThat(InboundLimits.bounded(ok)).isEqualTo(ok);
    }

    @Test
    void platformIdsLongerThanTheColumnsOrHoldingControlCharactersAreRefusedWith400NamingTheField() {
        String longId = "U".repeat(201);
        assertRefused(message(longId, "C1:1", null, Map.of(), "hi"), "event id is longer than 200 characters");
        assertRefused(message("Ev1", "C".repeat(401), null, Map.of(), "hi"), "thread key is longer than 400");
        assertRefused(message("Ev1", "C1:1", new UserRef(longId, null, null), Map.of(), "hi"), "user id is longer");
        assertRefused(message("Ev1\u0000", "C1:1", null, Map.of(), "hi"), "event id holds control characters");
        assertRefused(message("Ev1", "C1:1", null, Map.of("blocks", "x".repeat(40_000)), "hi"), "blocks is longer");
    }

    @Test
    void namesAreCutAndAnEmailTooLongIsDroppedRatherThanRefused() {
        InboundMessage m = InboundLimits.bounded(message("Ev1", "C1:1",
                new UserRef("U1", "N".repeat(5000), "e".repeat(400) + "@x.io"), Map.of(), "hi"));

        assertThat(m.user().displayName()).hasSize(200);
        assertThat(m.user().email()).isNull();
    }

    @Test
    void aMessageOverTheCapBecomesTooLongCutNeverInsideASurrogatePair() {
        String text = "a".repeat(InboundLimits.MAX_QUESTION - 1) + "\uD83D\uDE00" + "b".repeat(10);

        InboundMessage m = InboundLimits.bounded(message("Ev1", "C1:1", null, Map.of(), text));

        assertThat(m.kind()).isEqualTo(InboundKind.TOO_LONG);
        assertThat(m.text()).isEqualTo("a".repeat(InboundLimits.MAX_QUESTION - 1));
    }

    @Test
    void buttonEventsKeepTheirKindWhateverTheirText() {
        InboundMessage click = new InboundMessage(new TenantId("acme"), ChannelType.SLACK, "Ev1", "C1:1",
                InboundKind.RESOLVED, "x".repeat(5000), null, Map.of(), null);

        assertThat(InboundLimits.bounded(click).kind()).isEqualTo(InboundKind.RESOLVED);
    }

    private static void assertRefused(InboundMessage m, String detail) {
        assertThatThrownBy(() -> InboundLimits.bounded(m)).isInstanceOfSatisfying(InboundEndpoint.Ended.class, e -> {
            assertThat(e.outcome()).isInstanceOfSatisfying(InboundOutcome.Rejected.class, r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.detail()).contains(detail);
            });
        });
    }
}
