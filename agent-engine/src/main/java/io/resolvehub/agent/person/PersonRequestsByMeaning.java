package io.resolvehub.agent.person;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.UserReferences;
import io.resolvehub.agent.embed.Vectors;
import io.resolvehub.core.PersonRequestDetector;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a request for a person by meaning: the message's all-MiniLM-L6-v2 embedding is compared with examples of
 * people asking for a person ({@link PersonRequestExamples#REQUESTS}) and with near misses that name people but ask
 * about the product ("how do I add a person to my workspace", {@link PersonRequestExamples#NEAR_MISSES}). It is a
 * request when it is close to a request and closer to the requests than to any near miss by a margin, or, for a message
 * that names someone to talk to ("a rep", "someone on your team"), a little less close.
 *
 * <p>A message that asks in so many words ("talk to someone", "chat with a live agent") is one without a model call,
 * unless the person is one of the user's own ("chat with someone in my workspace").
 *
 * <p>Long messages are questions with context, not requests to be put through: they are not compared at all.
 */
public final class PersonRequestsByMeaning implements PersonRequestDetector {

    /** A message this close to a request (cosine) is one, if no near miss is as close. */
    static final double CLOSE = 0.62;
    /** With a word that names someone to talk to, this close is enough. */
    static final double CLOSE_WITH_CUE = 0.47;
    /** How much closer to the requests than to the near misses. */
    static final double MARGIN = 0.06;
    private static final int MAX_WORDS = 30;
    private static final int MAX_TOKENS = 48;
    private static final Pattern CUE = Pattern.compile("\\b(human|humans|person|people|someone|somebody|anyone|anybody|agent|"
            + "rep|reps|representative|staff|operator|manager|supervisor|support team|real|live|call me|"
            + "phone call|by phone|over the phone|escalate|transfer|put me through|connect me|talk|speak|chat with|"
            + "your (?:\\w+ )?(?:team|department|desk|people)|specialist|whoever|directly|personally|contact|reach|support)\\b");

    /** "talk to someone", "chat with a real agent": asking for a person in so many words, whatever else is said. */
    private static final Pattern IN_SO_MANY_WORDS = Pattern.compile("\\b(?:talk|speak|chat|get in touch|be in touch)\\s+(?:to|with)\\s+"
            + "(?:a|an|the|some|any|one of your|your|a member of your)?\\s*(?:real|live|actual|human)?\\s*"
            + "(?:human|humans|person|someone|somebody|anyone|anybody|whoever|agent|rep|representative|staff|employee|manager|"
            + "supervisor|operator|support|support team|customer service)\\b"
            + "|\\b(?:human|person|someone|somebody|anyone|anybody|agent|rep|representative|staff|employee)\\s+(?:i|we)\\s+"
            + "(?:can|could)\\s+(?:actually\\s+)?(?:talk|speak|chat)\\s+(?:to|with)\\b"
            // "get me a real human NOW": a real, live or actual person is asked for whatever else the message says
            + "|\\b(?:a|an|some)\\s+(?:real|live|actual)\\s+(?:human|person|agent|rep|representative|being|people)\\b"
            + "|\\b(?:get|give|find|need|want)\\s+(?:me\\s+|us\\s+)?(?:a|an|some)\\s+(?:human|agent|rep|representative)\\b");
    /** ...unless the person is one of the user's own ("chat with someone in my workspace"). */
    private static final Pattern OWN_PEOPLE = Pattern.compile("\\b(?:in|from|of|on) my (?:workspace|team|org|organization|"
            + "company|project|account|channel|group)\\b|\\bteammate|\\bcolleague|\\bmember");

    private final Embedder embedder;
    private final List<float[]> requests;
    private final List<float[]> nearMisses;

    public PersonRequestsByMeaning(Embedder embedder) {
        this.embedder = embedder;
        this.requests = embedder.embedAll(PersonRequestExamples.REQUESTS, MAX_TOKENS);
        this.nearMisses = embedder.embedAll(PersonRequestExamples.NEAR_MISSES, MAX_TOKENS);
    }

    @Override
    public boolean asksForPerson(String text) {
        if (text == null || text.isBlank() || text.strip().split("\\s+").length > MAX_WORDS) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (IN_SO_MANY_WORDS.matcher(lower).find() && !OWN_PEOPLE.matcher(lower).find()) {
            return true;
        }
        // "look at envelope ENV-7Q2K-93XF": a code the model has never seen pulls the request's meaning away
        double[] closeness = closeness(UserReferences.strip(text));
        double request = closeness[0];
        double nearMiss = closeness[1];
        boolean cue = CUE.matcher(lower).find();
        return request - nearMiss >= MARGIN && (request >= CLOSE || (cue && request >= CLOSE_WITH_CUE));
    }

    /** The cosine of the closest request and of the closest near miss. */
    double[] closeness(String text) {
        float[] v = embedder.embedAll(List.of(text), MAX_TOKENS).getFirst();
        return new double[]{closest(v, requests), closest(v, nearMisses)};
    }

    private static double closest(float[] v, List<float[]> examples) {
        double best = -1;
        for (float[] e : examples) {
            best = Math.max(best, Vectors.dot(v, e));
        }
        return best;
    }
}
