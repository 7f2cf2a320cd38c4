package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.resolvehub.core.channel.ChannelException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.io.IOException;
import java.time.Duration;

/**
 * Every outbound Slack Web API call goes through here: Resilience4j retry for retriable failures (waiting a 429's
 * {@code Retry-After} when it is short, otherwise handing it to the pipeline) and a per-channel rate limiter for
 * {@code chat.postMessage}, which Slack allows about once per second per channel.
 *
 * @see <a href="https://api.slack.com/methods/chat.postMessage#rate_limiting">chat.postMessage rate limiting</a>
 */
final class SlackWebApi {

    /** One Web API call; the token is bound by the caller. */
    @FunctionalInterface
    interface SlackCall<T> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    private final Slack slack;
    private final Retry retry;
    private final RateLimiterRegistry postLimits;

    SlackWebApi(Slack slack, SlackProperties properties) {
        this.slack = slack;
        Duration maxWait = properties.maxRetryWait();
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .retryOnException(e -> e instanceof ChannelException ce && ce.retriable()
                        && (ce.retryAfter() == null || ce.retryAfter().compareTo(maxWait) <= 0))
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> waitBefore(attempt, outcome.isLeft() ? outcome.getLeft() : null))
                .build();
        this.retry = Retry.of("slack-web-api", retryConfig);
        long periodNanos = Math.max(1, Math.round(1_000_000_000d / properties.postsPerSecondPerChannel()));
        this.postLimits = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
    }

    /** Calls {@code method} with the bot token, retrying retriable failures; {@code ok:false} answers throw too. */
    <T extends SlackApiTextResponse> T call(String token, String method, SlackCall<T> call) {
        MethodsClient methods = slack.methods(token);
        return Retry.decorateSupplier(retry, () -> once(method, methods, call)).get();
    }

    /** {@code chat.postMessage}, paced per channel. */
    ChatPostMessageResponse postMessage(String token, ChatPostMessageRequest request) {
        RateLimiter limiter = postLimits.rateLimiter("chat.postMessage:" + request.getChannel());
        return call(token, "chat.postMessage", methods -> {
            try {
                RateLimiter.waitForPermission(limiter);
            } catch (RequestNotPermitted e) {
                throw ChannelException.retriable("chat.postMessage: channel " + request.getChannel()
                        + " is over its posting budget", Duration.ofSeconds(1), e);
            }
            return methods.chatPostMessage(request);
        });
    }

    private static <T extends SlackApiTextResponse> T once(String method, MethodsClient methods, SlackCall<T> call) {
        T response;
        try {
            response = call.call(methods);
        } catch (IOException | SlackApiException e) {
            throw SlackErrorMapper.fromException(method, e);
        }
        if (!response.isOk()) {
            throw SlackErrorMapper.fromResponse(method, response);
        }
        return response;
    }

    private static long waitBefore(int attempt, Throwable failure) {
        if (failure instanceof ChannelException ce && ce.retryAfter() != null) {
            return ce.retryAfter().toMillis();
        }
        return Math.min(4000, 250L << Math.min(attempt - 1, 4)); // 250 ms, 500 ms, 1 s, … for 5xx and I/O errors
    }
}
