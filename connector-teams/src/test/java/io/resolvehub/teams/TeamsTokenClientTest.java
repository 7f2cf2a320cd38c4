package io.resolvehub.teams;

import io.resolvehub.core.channel.ChannelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbound client-credentials token against the fake token endpoint. */
class TeamsTokenClientTest {

    private final FakeBotFramework bf = FakeBotFramework.shared();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-29T10:00:00Z"));

    @BeforeEach
    void freshEndpoint() {
        bf.reset();
    }

    @Test
    void keepsTheTokenUntilShortlyBeforeItExpiresThenFetchesANewOne() {
        TeamsTokenClient tokens = client(bf.tokenUrl("botframework.com"));

        String first = tokens.token();
        clock.advance(Duration.ofMinutes(54));
        String stillCached = tokens.token();
        clock.advance(Duration.ofMinutes(2)); // 56 minutes into a 60-minute token: inside the renewal margin
        String renewed = tokens.token();

        assertThat(first).isEqualTo("fake-outbound-token-1").isEqualTo(stillCached);
        assertThat(renewed).isEqualTo("fake-outbound-token-2");
        assertThat(bf.tokenCalls()).hasSize(2);
    }

    @Test
    void aSingleTenantAppGetsItsTokenFromItsOwnTenant() {
        String tenant = "0d9f3b6c-1a2b-4c5d-8e9f-abcdef012345";
        TeamsProperties properties = new TeamsProperties("app", "secret", tenant, null, null, null, null, null, null, null, null, null);
        assertThat(properties.tokenUrl()).isEqualTo("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token");

        client(bf.tokenUrl(tenant)).token();

        assertThat(bf.tokenCalls()).singleElement().satisfies(call ->
                assertThat(call.path()).isEqualTo("/token/" + tenant + "/oauth2/v2.0/token"));
    }

    @Test
    void aMultiTenantAppDefaultsToTheBotFrameworkTenant() {
        TeamsProperties properties = new TeamsProperties("app", "secret", null, null, null, null, null, null, null, null, null, null);

        assertThat(properties.tokenUrl()).isEqualTo("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
        assertThat(properties.openidMetadataUrl()).isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
    }

    @Test
    void refusedCredentialsArePermanentAndAnOverloadedEndpointIsRetriable() {
        TeamsTokenClient tokens = client(bf.tokenUrl("botframework.com"));
        bf.scriptNextToken(400, "{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: Application not found\"}");
        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("AADSTS700016");
        });

        bf.scriptNextToken(503, "");
        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriable()).isTrue());

        assertThat(tokens.token()).as("recovers on the next call").startsWith("fake-outbound-token-");
    }

    private TeamsTokenClient client(String url) {
        return new TeamsTokenClient(url, TeamsHub.APP_ID, TeamsHub.APP_PASSWORD, Duration.ofSeconds(5), clock);
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
