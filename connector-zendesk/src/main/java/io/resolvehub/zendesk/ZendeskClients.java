package io.resolvehub.zendesk;

import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.Dsl;
import org.zendesk.client.v2.Zendesk;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants' Zendesk clients, built lazily from their settings and kept while the settings stay the same. All share
 * one HTTP client (one Netty event loop), because a client per tenant would start threads per tenant.
 */
final class ZendeskClients implements AutoCloseable {

    private final AsyncHttpClient http;
    private final Map<ZendeskSettings, ZendeskApi> clients = new ConcurrentHashMap<>();

    ZendeskClients(Duration requestTimeout) {
        this.http = Dsl.asyncHttpClient(Dsl.config()
                .setConnectTimeout(Duration.ofSeconds(5))
                .setRequestTimeout(requestTimeout)
                .setReadTimeout(requestTimeout)
                .setThreadPoolName("zendesk-http"));
    }

    /** No network I/O: the client connects on its first call. */
    ZendeskApi forSettings(ZendeskSettings settings) {
        // keyed by the whole settings record: a tenant that changes its token gets a new client
        return clients.computeIfAbsent(settings, s -> new ZendeskApi(s, new Zendesk.Builder(s.url()).setClient(http)
                .setUsername(s.email()).setToken(s.apiToken()).build()));
    }

    @Override
    public void close() {
        clients.values().forEach(ZendeskApi::close);
        clients.clear();
        try {
            http.close();
        } catch (IOException e) {
            // closing at shutdown: nothing left to do
        }
    }
}
