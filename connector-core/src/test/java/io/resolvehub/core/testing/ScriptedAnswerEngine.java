package io.resolvehub.core.testing;

import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.Citation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The SPI's other side for core and channel tests: answers each question with whatever the test scripted (default: a
 * confident, cited answer that echoes the question), and records what it was asked.
 */
public final class ScriptedAnswerEngine implements AnswerEngine {

    public static final Citation CITATION = new Citation("src-1", "Resetting your password",
            "https://help.example.com/reset", "Open Settings > Security > Reset password.");

    private volatile Function<AnswerRequest, Answer> script = ScriptedAnswerEngine::confident;
    private final List<AnswerRequest> requests = new CopyOnWriteArrayList<>();

    public static Answer confident(AnswerRequest request) {
        return Answer.answer("Answer to: " + request.question(), 0.9, List.of(CITATION));
    }

    public void script(Function<AnswerRequest, Answer> script) {
        this.script = script;
    }

    public void always(Answer answer) {
        this.script = request -> answer;
    }

    public void failWith(RuntimeException failure) {
        this.script = request -> {
            throw failure;
        };
    }

    public List<AnswerRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Answer answer(AnswerRequest request) {
        requests.add(request);
        return script.apply(request);
    }
}
