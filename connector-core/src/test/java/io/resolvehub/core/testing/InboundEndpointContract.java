package io.resolvehub.core.testing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.inbound.InboundDoor;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundLimits;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.inbound.InboundResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every channel's inbound endpoint must do, run through core's {@link InboundDoor} as the servlet runs it: store
 * an authentic delivery before acknowledging it, refuse a forged one without storing anything, handle a redelivery
 * once, never acknowledge what could not be stored, and acknowledge without storing what is not the hub's business.
 * A channel's test extends this with its platform's recorded payloads, signed the way the platform signs them.
 */
public abstract class InboundEndpointContract {

    /** The intake the endpoint's door feeds; it fails on demand. */
    protected final RecordingIntake intake = new RecordingIntake();
    private InboundDoor<?> door;

    /** The endpoint under test; called once per test, after the subclass's own set-up. */
    protected abstract InboundEndpoint<?> endpoint();

    protected abstract ChannelType channel();

    /** The tenant {@link #authenticMessage()}'s account is connected to. */
    protected abstract TenantId tenant();

    /** A delivery signed as the platform signs it that asks the hub something; a new platform event per call. */
    protected abstract InboundRequest authenticMessage();

    /** Like {@link #authenticMessage()}, asking {@code question} (any characters; the platform's encoding applied). */
    protected abstract InboundRequest authenticMessageSaying(String question);

    /** {@link #authenticMessage()}'s kind of delivery, signed with the wrong key or secret. */
    protected abstract InboundRequest forgedMessage();

    /** Signed as the platform signs, but not a payload of the platform (e.g. JSON without what it must carry). */
    protected abstract InboundRequest signedGarbage();

    /** A delivery from an account (workspace, Microsoft 365 tenant, webhook tenant) no hub tenant connected. */
    protected abstract InboundRequest messageFromAnUnconnectedAccount();

    /** An authentic delivery that asks nothing of the hub (chatter without a mention, the hub's own comment). */
    protected abstract InboundRequest deliveryNotForTheHub();

    /**
     * What the pipeline's worker takes in from a message the endpoint stored: the message itself, or, for a change
     * notice ({@link InboundKind#CHANGED}), what the channel's connector reads for it. A channel that stores notices
     * overrides this with its connector's {@link io.resolvehub.core.channel.ChannelConnector#readChange}.
     */
    protected Optional<InboundMessage> read(InboundMessage stored) {
        return Optional.of(stored);
    }

    /** What the hub takes in from everything stored so far, as core's worker would: read, bounded, once per event id. */
    protected List<InboundMessage> takenIn() {
        Map<String, InboundMessage> byId = new LinkedHashMap<>();
        for (InboundMessage stored : intake.accepted()) {
            read(stored).map(InboundLimits::bounded).ifPresent(m -> byId.putIfAbsent(m.platformEventId(), m));
        }
        return List.copyOf(byId.values());
    }

    /** {@code text} as a JSON string literal the way platforms write it: control characters and surrogates escaped. */
    protected static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /**
     * The status a {@link #forgedMessage()} is refused with: 401 for a platform's signature; the web channel, whose
     * callers the hub's API already signed in, answers a conversation that is not the tenant's as not found (404).
     */
    protected int forgeryStatus() {
        return 401;
    }

    @BeforeEach
    void openTheDoor() {
        intake.reset();
        door = new InboundDoor<>(endpoint(), intake);
    }

    protected InboundOutcome deliver(InboundRequest request) {
        return door.receive(request);
    }

    @Test
    void anAuthenticMessageIsStoredForItsTenantBeforeItIsAcknowledged() {
        InboundOutcome outcome = deliver(authenticMessage());

        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(InboundResponse.of(outcome).status()).isEqualTo(200);
        InboundMessage stored = intake.accepted().getFirst();
        assertThat(intake.accepted()).hasSize(1);
        assertThat(stored.channel()).isEqualTo(channel());
        assertThat(stored.tenant()).isEqualTo(tenant());
        assertThat(takenIn()).singleElement().satisfies(asked -> {
            assertThat(asked.channel()).isEqualTo(channel());
            assertThat(asked.tenant()).isEqualTo(tenant());
        });
    }

    @Test
    void aForgedDeliveryIsRefusedWith401AndNothingIsStored() {
        InboundOutcome outcome = deliver(forgedMessage());

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(forgeryStatus()));
        assertThat(intake.accepted()).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNoPlatformPayloadIsABadRequest() {
        InboundOutcome outcome = deliver(signedGarbage());

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.detail()).isNotBlank();
        });
        assertThat(intake.accepted()).isEmpty();
    }

    @Test
    void aQuestionOverTheCapIsStoredCutAndMarkedSoTheUserIsAskedToShortenIt() {
        String question = "Why does the export stop halfway? ".repeat(1 + InboundLimits.MAX_QUESTION / 34 * 50);

        InboundOutcome outcome = deliver(authenticMessageSaying(question));

        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(takenIn()).singleElement().satisfies(stored -> {
            assertThat(stored.kind()).isEqualTo(InboundKind.TOO_LONG);
            assertThat(stored.text()).hasSizeLessThanOrEqualTo(InboundLimits.MAX_QUESTION)
                    .startsWith("Why does the export stop halfway?");
        });
    }

    @Test
    void aQuestionAtTheCapIsAnsweredAsUsual() {
        deliver(authenticMessageSaying("x".repeat(InboundLimits.MAX_QUESTION - 1) + "?"));

        assertThat(takenIn()).singleElement().satisfies(stored -> {
            assertThat(stored.kind()).isEqualTo(InboundKind.MESSAGE);
            assertThat(stored.text()).hasSize(InboundLimits.MAX_QUESTION);
        });
    }

    @Test
    void controlCharactersAndLoneSurrogatesNeverReachTheStore() {
        deliver(authenticMessageSaying("how do I\u0000 reset\u0007 my \ud800password?"));

        // the lone surrogate is U+FFFD, or '?' where the platform's own encoder replaced it before the hub saw it
        assertThat(takenIn()).singleElement().satisfies(stored ->
                assertThat(stored.text()).matches("how do I reset my [\uFFFD?]password\\?"));
    }

    @Test
    void aRedeliveryIsAcknowledgedAndStoredOnce() {
        InboundRequest message = authenticMessage();

        assertThat(deliver(message).acknowledges()).isTrue();
        InboundOutcome again = deliver(message);

        assertThat(again).isInstanceOf(InboundOutcome.Duplicate.class);
        assertThat(again.acknowledges()).isTrue();
        assertThat(intake.accepted()).hasSize(1);
    }

    @Test
    void whatCannotBeStoredIsNotAcknowledgedSoThePlatformDeliversItAgain() {
        InboundRequest message = authenticMessage();
        intake.failing(true);

        InboundOutcome outcome = deliver(message);

        assertThat(outcome).isInstanceOf(InboundOutcome.Unavailable.class);
        InboundResponse response = InboundResponse.of(outcome);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfterSeconds()).isPositive();
        assertThat(intake.accepted()).isEmpty();

        intake.failing(false);
        assertThat(deliver(message)).as("the platform's redelivery").isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(intake.accepted()).hasSize(1);
    }

    /**
     * Acknowledged where the platform proves itself without the tenant (Slack, Teams), so it stops retrying; refused
     * where only the tenant's own secret could prove it (a Zendesk webhook), so the caller learns nothing about tenants.
     */
    @Test
    void aDeliveryFromAnUnconnectedAccountStoresNothingAndIsNotRetried() {
        InboundOutcome outcome = deliver(messageFromAnUnconnectedAccount());

        assertThat(outcome).isNotInstanceOf(InboundOutcome.Unavailable.class);
        assertThat(intake.accepted()).isEmpty();
    }

    /** Nothing stored, or only a change notice that reads as nothing. */
    @Test
    void aDeliveryThatAsksNothingOfTheHubIsAcknowledgedAndNothingIsTakenIn() {
        InboundOutcome outcome = deliver(deliveryNotForTheHub());

        assertThat(outcome.acknowledges()).isTrue();
        assertThat(takenIn()).isEmpty();
        assertThat(intake.accepted()).allSatisfy(stored -> assertThat(stored.kind()).isEqualTo(InboundKind.CHANGED));
    }
}
