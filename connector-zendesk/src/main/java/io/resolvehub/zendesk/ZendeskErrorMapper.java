package io.resolvehub.zendesk;

import io.resolvehub.core.channel.ChannelException;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;

import java.time.Duration;

/**
 * The one place where the Zendesk client's exceptions become the hub's {@link ChannelException}: 429 (with its
 * {@code Retry-After}), 5xx and transport failures are retriable; other 4xx (bad token, missing permission, a closed
 * ticket) are not.
 */
final class ZendeskErrorMapper {

    private ZendeskErrorMapper() {
    }

    static ChannelException map(String what, RuntimeException e) {
        if (e instanceof ChannelException ce) {
            return ce;
        }
        if (e instanceof ZendeskResponseRateLimitException limited) {
            Long seconds = limited.getRetryAfter();
            return ChannelException.retriable("Zendesk rate-limited " + what,
                    seconds == null ? null : Duration.ofSeconds(seconds), e);
        }
        if (e instanceof ZendeskResponseException response) {
            int status = response.getStatusCode();
            String detail = "Zendesk answered " + status + " " + response.getStatusText() + " to " + what
                    + (status == 401 || status == 403 ? " (check the tenant's Zendesk email and API token)" : "");
            return status >= 500 || status == 408 || status == 409
                    ? ChannelException.retriable(detail, null, e)
                    : ChannelException.permanent(detail, e);
        }
        if (e instanceof ZendeskException) {
            // transport trouble (connection refused, timeout): the call may succeed later
            return ChannelException.retriable("Zendesk unreachable for " + what + ": " + e.getMessage(), null, e);
        }
        return ChannelException.permanent("Zendesk call " + what + " failed: " + e, e);
    }
}
