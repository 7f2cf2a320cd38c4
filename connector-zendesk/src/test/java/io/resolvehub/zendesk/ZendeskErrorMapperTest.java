package io.resolvehub.zendesk;

import io.resolvehub.core.channel.ChannelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Zendesk failures the pipeline retries (the 429 with its Retry-After is covered by the channel contract). */
class ZendeskErrorMapperTest {

    @ParameterizedTest(name = "{0} {1} -> retriable {2}")
    @CsvSource({
            "500, Internal Server Error, true",
            "502, Bad Gateway, true",
            "503, Service Unavailable, true",
            "409, Conflict, true",
            "400, Bad Request, false",
            "401, Unauthorized, false",
            "403, Forbidden, false",
            "404, Not Found, false",
            "422, Unprocessable Entity, false"})
    void mapsAnHttpStatusToRetriableOrPermanent(int status, String text, boolean retriable) {
        ChannelException mapped = ZendeskErrorMapper.map("PUT ticket 1",
                new ZendeskResponseException(status, text, "{\"error\":\"x\"}"));

        assertThat(mapped.retriable()).isEqualTo(retriable);
        assertThat(mapped.getMessage()).contains(Integer.toString(status), "PUT ticket 1");
    }

    @Test
    void anUnauthorizedAnswerSaysWhatToCheck() {
        assertThat(ZendeskErrorMapper.map("GET ticket 1", new ZendeskResponseException(401, "Unauthorized", "")).getMessage())
                .contains("email and API token");
    }

    @Test
    void aTransportFailureIsRetriable() {
        ChannelException mapped = ZendeskErrorMapper.map("GET ticket 1",
                new ZendeskException("Connection refused", new ConnectException("Connection refused")));

        assertThat(mapped.retriable()).isTrue();
        assertThat(mapped.retryAfter()).isNull();
    }
}
