package io.resolvehub.agent.llm;

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
 * @param timeout          a reply slower than this is abandoned and the question handed off ({@code engine_error})
 * @param failureThreshold percentage of failed calls (over the last 10) that opens the circuit breaker
 * @param openFor          how long the open circuit hands off at once before trying the model again
 */
@ConfigurationProperties("hub.llm")
public record LlmProperties(
        @DefaultValue("none") String provider,
        String baseUrl,
        String apiKey,
        String model,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("50") int failureThreshold,
        @DefaultValue("30s") Duration openFor) {
}
