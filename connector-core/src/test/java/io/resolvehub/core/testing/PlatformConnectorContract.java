package io.resolvehub.core.testing;

import io.resolvehub.core.Answer;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.Verification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The delivery contract every channel passes ({@link ChannelDeliveryContract}), plus what a channel on someone else's
 * platform (Slack, Teams, Zendesk) owes besides: settings a tenant enters and the hub verifies, a connector created
 * without talking to the platform, and the platform's failures as {@link ChannelException}s. A connector's test extends
 * it, points the connector at its in-process fake of the platform, and implements the hooks below on top of
 * {@link ChannelDeliveryContract}'s {@code conversation()} and {@code platformPosts()}:
 * <ul>
 *   <li>{@link #factory()}: the connector's real factory, configured against the fake platform.</li>
 *   <li>{@link #validSettings()}: tenant settings that work against the fake platform.</li>
 *   <li>{@link #platformRateLimitsNextCall(Duration)}: the fake answers the next call with HTTP 429 and
 *       {@code Retry-After}.</li>
 *   <li>{@link #platformRejectsNextCallAsUnauthorized()}: the fake answers the next call like a revoked token.</li>
 * </ul>
 * Platform calls must not be retried inside the connector in a way that hides the 429 from the caller: the pipeline
 * retries {@link ChannelException#retriable()} failures itself, honouring {@link ChannelException#retryAfter()}.
 */
public abstract class PlatformConnectorContract extends ChannelDeliveryContract {

    protected abstract ChannelConnectorFactory factory();

    protected abstract ChannelSettings validSettings();

    protected abstract void platformRateLimitsNextCall(Duration retryAfter);

    protected abstract void platformRejectsNextCallAsUnauthorized();

    /** The connector the factory creates for the conversation's tenant with {@link #validSettings()}. */
    @Override
    protected ChannelConnector newConnector() {
        return factory().create(conversation().tenant(), validSettings());
    }

    @Test
    void describesItsSettingsWithUniqueNamesAndAtMostOneAccountKey() {
        List<ChannelConfigProperty> properties = factory().configProperties();
        assertThat(properties).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (ChannelConfigProperty p : properties) {
            assertThat(names.add(p.name())).as("duplicate setting " + p.name()).isTrue();
            assertThat(p.label()).as("label of " + p.name()).isNotBlank();
        }
        assertThat(properties.stream().filter(ChannelConfigProperty::accountKey).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void verifyNamesAMissingRequiredSetting() {
        ChannelConfigProperty required = factory().configProperties().stream().filter(ChannelConfigProperty::required)
                .findFirst().orElseThrow(() -> new AssertionError("a channel needs at least one required setting"));
        Map<String, String> values = new HashMap<>(validSettings().values());
        values.remove(required.name());

        Verification verification = factory().verify(new ChannelSettings(values));

        assertThat(verification.ok()).isFalse();
        assertThat(verification.detail()).contains(required.name());
    }

    @Test
    void createsAConnectorWithoutTalkingToThePlatform() {
        factory().create(conversation().tenant(), validSettings()).close();
        assertThat(platformPosts()).isEmpty();
    }

    @Test
    void reportsARateLimitAsARetriableChannelExceptionWithRetryAfter() {
        platformRateLimitsNextCall(Duration.ofSeconds(7));

        assertThatThrownBy(() -> connector().send(new OutboundMessage(conversation(),
                Answer.answer(ANSWER_TEXT, 0.9, List.of()), true)))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void reportsARejectedTokenAsAPermanentChannelException() {
        platformRejectsNextCallAsUnauthorized();

        assertThatThrownBy(() -> connector().send(new OutboundMessage(conversation(),
                Answer.answer(ANSWER_TEXT, 0.9, List.of()), true)))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriable()).isFalse());
    }
}
