package io.resolvehub.agent.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FetchFailuresTest {

    private static IOException fetch(String url) {
        return catchThrowableOfType(IOException.class, () -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()));
    }

    @Test
    void saysASiteRefusedTheConnectionInsteadOfNamingTheException() {
        IOException refused = fetch("http://127.0.0.1:9/"); // the discard port: nothing listens here
        assertThat(refused).isInstanceOf(ConnectException.class);
        assertThat(FetchFailures.reason(refused)).isEqualTo("the site refused the connection or cannot be reached");
    }

    @Test
    void saysAHostNameDoesNotResolve() {
        IOException unknown = fetch("http://no-such-host.invalid/");
        assertThat(FetchFailures.reason(unknown)).isEqualTo("the host name does not resolve");
    }

    @Test
    void keepsAMessageThatAlreadySaysWhatHappened() {
        assertThat(FetchFailures.reason(new IOException("stream closed early"))).isEqualTo("stream closed early");
    }
}
