package io.resolvehub.api.conversations;

import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.Citation;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** A scripted agent (the SPI's other side) so the conversation API tests' decisions are predictable. */
@TestConfiguration
class ScriptedAgent {

    @Bean
    AnswerEngine scriptedAnswerEngine() {
        return request -> request.question().contains("unknowable")
                ? Answer.answer("maybe", 0.1, List.of())
                : Answer.answer("Open Settings > Security > Reset password.", 0.92, List.of(
                new Citation("src-9", "Resetting your password", "https://help.example.com/reset", "Open Settings")));
    }
}
