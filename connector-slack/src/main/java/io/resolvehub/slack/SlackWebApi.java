package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.resolvehub.core.channel.PlatformCalls;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every outbound Slack Web API call goes through here, on core's {@link PlatformCalls} (retry honouring a 429's
 * {@code Retry-After} when it is short, otherwise handing it to the pipeline): Slack's part is mapping its errors and
 * naming its limits, {@code chat.postMessage} about once per second per channel.
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
    private final PlatformCalls calls;

    SlackWebApi(Slack slack, SlackProperties properties) {
        this.slack = slack;
        this.calls = new PlatformCalls("Slack", new PlatformCalls.Limits(properties.retryAttempts(),
                Duration.ofMillis(250), properties.maxRetryWait(), properties.postsPerSecondPerChannel()));
    }

    /** Calls {@code method} with the bot token, retrying retriable failures; {@code ok:false} answers throw too. */
    <T extends SlackApiTextResponse> T call(String token, String method, SlackCall<T> call) {
        MethodsClient methods = slack.methods(token);
        return calls.call(() -> once(method, methods, call));
    }

    /** {@code chat.postMessage}, paced per channel. */
    ChatPostMessageResponse postMessage(String token, ChatPostMessageRequest request) {
        return pacedPost(request.getChannel(), () -> postMessageOnce(token, request));
    }

    /**
     * Runs {@code attempt} in {@code chat.postMessage}'s pace for {@code channel}, retried like {@link #postMessage}:
     * for a post whose every attempt first looks whether an earlier one went through.
     */
    <T> T pacedPost(String channel, Supplier<T> attempt) {
        return calls.paced("chat.postMessage:" + channel, attempt);
    }

    /** One {@code chat.postMessage}, neither paced nor retried: for an attempt inside {@link #pacedPost}. */
    ChatPostMessageResponse postMessageOnce(String token, ChatPostMessageRequest request) {
        return once("chat.postMessage", slack.methods(token), m -> m.chatPostMessage(request));
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
}
