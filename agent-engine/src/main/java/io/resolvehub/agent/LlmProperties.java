package io.resolvehub.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The optional generative model ({@code hub.llm.*}, see docs/configuration.md).
 *
 * @param provider         {@code none} (extractive answers), {@code openai} (any OpenAI-compatible server),
 *                         {@code anthropic}, or {@code ollama} (through Ollama's OpenAI-compatible {@code /v1} API)
 * @param baseUrl          the API base, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param apiKey           the provider's key (not needed for Ollama)
 * @param model            the model name
 * @param timeout          the model client's limit: a reply slower than this is abandoned and the question handed
 *                         off ({@code engine_error}) by the pipeline's guard, whose circuit breaker also stops asking a
 *                         model that keeps failing
 */
@ConfigurationProperties("hub.llm")
public record LlmProperties(
        @DefaultValue("none") String provider,
        String baseUrl,
        String apiKey,
        String model,
        @DefaultValue("20s") Duration timeout) {
}
