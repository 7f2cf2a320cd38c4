package io.resolvehub.agent.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import io.resolvehub.agent.LlmProperties;
import java.util.Locale;

/** Builds the LangChain4j chat model of {@code hub.llm.provider}; fails fast naming the missing setting. */
public final class ChatModels {

    private ChatModels() {
    }

    public static ChatModel create(LlmProperties llm) {
        String provider = llm.provider().toLowerCase(Locale.ROOT);
        require(llm.model(), "hub.llm.model");
        return switch (provider) {
            case "openai" -> OpenAiChatModel.builder()
                    .baseUrl(llm.baseUrl() == null || llm.baseUrl().isBlank() ? "https://api.openai.com/v1" : llm.baseUrl())
                    .apiKey(require(llm.apiKey(), "hub.llm.api-key"))
                    .modelName(llm.model()).timeout(llm.timeout()).maxRetries(0).temperature(0.0).build();
            case "ollama" -> OpenAiChatModel.builder()   // Ollama serves the OpenAI API under /v1
                    .baseUrl(require(llm.baseUrl(), "hub.llm.base-url"))
                    .apiKey(llm.apiKey() == null || llm.apiKey().isBlank() ? "ollama" : llm.apiKey())
                    .modelName(llm.model()).timeout(llm.timeout()).maxRetries(0).temperature(0.0).build();
            case "anthropic" -> {
                AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder()
                        .apiKey(require(llm.apiKey(), "hub.llm.api-key"))
                        .modelName(llm.model()).timeout(llm.timeout()).maxRetries(0).temperature(0.0).maxTokens(600);
                if (llm.baseUrl() != null && !llm.baseUrl().isBlank()) {
                    builder.baseUrl(llm.baseUrl());
                }
                yield builder.build();
            }
            default -> throw new IllegalStateException("hub.llm.provider must be none, openai, anthropic or ollama, not '"
                    + llm.provider() + "'");
        };
    }

    private static String require(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(setting + " is required for hub.llm.provider other than none");
        }
        return value;
    }
}
