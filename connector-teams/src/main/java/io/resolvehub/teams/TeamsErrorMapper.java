package io.resolvehub.teams;

import com.microsoft.bot.restclient.RestException;
import io.resolvehub.core.channel.ChannelException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where Bot Connector failures become the hub's error vocabulary. Retriable: 429 (with its
 * {@code Retry-After}), 412, 5xx, I/O. Permanent: 401/403 (the bot is not allowed there), 404, other 4xx.
 *
 * @see <a href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit">Teams rate limits: retry 429, 412, 502, 504</a>
 */
final class TeamsErrorMapper {

    private TeamsErrorMapper() {
    }

    static ChannelException fromException(String what, Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof ChannelException ce) {
            return ce;
        }
        if (e instanceof RestException rest && rest.response() != null) {
            int status = rest.response().code();
            String detail = what + " failed with HTTP " + status;
            if (status == 429) {
                return ChannelException.retriable(detail + " (rate limited)", ChannelException.retryAfterHeader(rest.response().headers().get("Retry-After")), e);
            }
            if (status == 412 || status == 408 || status >= 500) {
                return ChannelException.retriable(detail, ChannelException.retryAfterHeader(rest.response().headers().get("Retry-After")), e);
            }
            return ChannelException.permanent(detail + (status == 401 || status == 403
                    ? ": the Bot Connector refused the bot's token (check hub.teams.app-id / app-password)" : ""), e);
        }
        if (e instanceof IOException || e instanceof InterruptedIOException) {
            // The SDK's credentials interceptor wraps a token failure in an IOException: keep its verdict.
            if (e.getCause() != null && unwrap(e.getCause()) instanceof ChannelException ce) {
                return ce;
            }
            return ChannelException.retriable(what + " could not reach the Bot Connector: " + e.getMessage(), null, e);
        }
        return ChannelException.permanent(what + " failed: " + e.getMessage(), e);
    }


    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
