package io.resolvehub.agent.answer;

import io.resolvehub.agent.UserReferences;
import io.resolvehub.core.ChatTurn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes a follow-up retrievable on its own by carrying the subject of the earlier user turns: "what if I don't get the
 * email?" after "how do I reset my password?" searches for both. Only user turns are carried (assistant turns quote
 * documents and would drag retrieval back to the previous answer), the latest first, and only while the question is
 * short, i.e. likely to lean on context.
 *
 * @param text     what retrieval searches for
 * @param question the user's own words (for coverage and sentence selection)
 * @param carried  the earlier user turns that were added, latest first
 */
record StandaloneQuery(String text, String question, List<String> carried) {

    /** A question with at least this many content words is taken as standalone. */
    static final int STANDALONE_TERMS = 10;
    /** At most this many earlier user turns are carried. */
    static final int MAX_CARRIED = 2;

    public static StandaloneQuery of(String message, List<ChatTurn> history) {
        // "(ref 20417)" or "ticket #58213" says which case, not what is asked ({@link UserReferences})
        String question = UserReferences.strip(message);
        Set<String> own = Terms.of(question);
        List<String> carried = new ArrayList<>();
        if (own.size() < STANDALONE_TERMS) {
            for (int i = history.size() - 1; i >= 0 && carried.size() < MAX_CARRIED; i--) {
                ChatTurn turn = history.get(i);
                if (turn.role() == ChatTurn.Role.USER && !turn.text().isBlank()) {
                    carried.add(UserReferences.strip(turn.text()));
                    if (carried.size() == 1 && Terms.of(turn.text()).size() + own.size() >= STANDALONE_TERMS) {
                        break;   // one earlier turn gives enough context
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder(question.strip());
        for (String turn : carried) {
            text.append('\n').append(turn);
        }
        return new StandaloneQuery(text.toString(), question.strip(), List.copyOf(carried));
    }
}
