package io.resolvehub.teams;

import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;

import java.util.concurrent.CompletableFuture;

/**
 * The SDK's credentials with the token from {@link TeamsTokenClient} instead of MSAL, so the Bot Connector client
 * sends {@code Authorization: Bearer <token>} obtained from {@code hub.teams.token-url}.
 */
final class TeamsAppCredentials extends MicrosoftAppCredentials {

    private final TeamsTokenClient tokens;

    TeamsAppCredentials(String appId, TeamsTokenClient tokens) {
        super(appId, null);
        this.tokens = tokens;
    }

    @Override
    public CompletableFuture<String> getToken() {
        try {
            return CompletableFuture.completedFuture(tokens.token());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
