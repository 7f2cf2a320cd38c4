package io.resolvehub.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.resolvehub.core.channel.ChannelException;

import java.io.IOException;
import java.util.Set;

/**
 * The one place where Slack failures become the hub's error vocabulary: retriable (429, 5xx, I/O, Slack's transient
 * error codes) or permanent (bad token, missing scope, unknown channel, other 4xx).
 *
 * @see <a href="https://api.slack.com/apis/rate-limits">Slack rate limits: 429 with Retry-After</a>
 */
final class SlackErrorMapper {

    /** {@code ok:false} error codes Slack documents as transient. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of(
            "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private SlackErrorMapper() {
    }

    static ChannelException fromException(String method, Exception e) {
        if (e instanceof SlackApiException api) {
            int status = api.getResponse().code();
            String detail = method + " failed with HTTP " + status;
            if (status == 429) {
                return ChannelException.retriable(detail + " (rate limited)", ChannelException.retryAfterHeader(api.getResponse().header("Retry-After")), e);
            }
            if (status >= 500) {
                return ChannelException.retriable(detail, null, e);
            }
            String error = api.getError() == null ? null : api.getError().getError();
            return ChannelException.permanent(error == null ? detail : detail + ": " + error, e);
        }
        if (e instanceof IOException) {
            return ChannelException.retriable(method + " could not reach Slack: " + e.getMessage(), null, e);
        }
        if (e instanceof ChannelException ce) {
            return ce;
        }
        return ChannelException.permanent(method + " failed: " + e.getMessage(), e);
    }

    /** An {@code ok:false} answer (HTTP 200 with an error code). */
    static ChannelException fromResponse(String method, SlackApiTextResponse response) {
        String error = response.getError();
        String detail = method + " answered ok:false: " + error + (response.getNeeded() == null ? "" : " (needs scope " + response.getNeeded() + ")");
        return TRANSIENT_ERRORS.contains(error)
                ? ChannelException.retriable(detail, null, null)
                : ChannelException.permanent(detail, null);
    }

}
