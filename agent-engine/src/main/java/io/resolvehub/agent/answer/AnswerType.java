package io.resolvehub.agent.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of value a question asks for, read from its wording, and whether a piece of text carries such a value:
 * "how long is an invite link valid?" wants a duration and is answered by "Invite links expire after 7 days.", not by
 * "Invites let you add teammates to a workspace." A question that wants no particular value is {@link #ANY}.
 */
enum AnswerType {

    // "how long can a link be valid?" asks for a duration, "how long can a discount code be?" for a length (LENGTH)
    DURATION(Pattern.compile("\\bhow long\\b(?! " + Wording.LENGTH + ")|\\bhow soon\\b|\\bhow (?:fast|quickly)\\b|\\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\\b"
            + "|\\b(?:expire|expires|expiry|expiration|valid for|retention|retained|kept for|timeout|time out|lifetime)\\b"),
            Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\s*(?:-\\s*)?(?:(?:business|working|calendar|full)\\s+)?"
                    + "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\b"
                    + "|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|"
                    + "forty|forty-five|sixty|ninety|a few|several|a|an)"
                    + "[ -](?:(?:business|working|calendar|full)\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\\b"
                    + "|\\b(?:never expires?|does not expire|doesn't expire|indefinitely|forever)\\b")),
    // "how long can a discount code be?" asks how many characters, not how many codes a store may have: a length is
    // counted in characters, digits or words (a "4-digit PIN"), or in time for what plays ("a video can be 2 hours long")
    LENGTH(Pattern.compile("\\bhow long " + Wording.LENGTH + "|\\bhow many (?:characters|chars|letters|digits|words)\\b"
            + "|\\b(?:max|maximum|min|minimum) length\\b|\\bcharacter (?:limit|count)\\b"),
            Pattern.compile("\\b\\d+(?:[.,]\\d+)*\\s*(?:-\\s*)?(?:characters?|chars?|letters?|digits?|symbols?|words?|bytes?)\\b"
                    + "|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)[ -](?:characters?|letters?|digits?|words?)\\b"
                    + "|\\b\\d+(?:[.,]\\d+)?\\s*(?:seconds?|minutes?|hours?)\\b")),
    FREQUENCY(Pattern.compile("\\bhow often\\b|\\bhow frequently\\b"),
            Pattern.compile("\\bevery\\b|\\b(?:hourly|daily|weekly|monthly|yearly|annually|once|twice)\\b|\\b\\d+\\s*(?:times|x)\\b")),
    PRICE(Pattern.compile("\\bhow much (?:does|do|is|are|will|would|did)\\b(?!.*\\b(?:storage|space|data|memory|disk)\\b)"
            // not "pay" or "charged": "I pay through the iPhone app" and "why was I charged twice?" ask for no price
            + "|\\b(?:cost|costs|price|prices|pricing|fee|fees)\\b"),
            Pattern.compile("[$€£¥]\\s?\\d|\\b\\d+(?:[.,]\\d+)?\\s?(?:usd|eur|gbp|dollars?|euros?|cents?)\\b|\\bfree\\b|\\bno (?:extra )?charge\\b")),
    VERSION(Pattern.compile("\\b(?:what|which|minimum|oldest|supported) (?:os |operating system )?versions?\\b"
            + "|\\bsystem requirements\\b|\\bversions? of (?:windows|macos|ios|ipados|android|chrome|firefox|safari|edge)\\b"),
            Pattern.compile("\\b(?:version|v)\\s?\\d|\\b(?:windows|macos|os x|ios|ipados|android|chrome|firefox|safari|edge|ubuntu|"
                    + "debian|java|python|node(?:\\.js)?)\\s+\\d")),
    QUANTITY(Pattern.compile("\\bhow many\\b|\\bhow much\\b|\\bhow big\\b|\\bhow large\\b|\\b(?:limit|limits|maximum|max|minimum|min|"
            + "up to|at most|at least|quota|size|capacity|rate limit|number of)\\b"),
            // a number, or one with its unit ("10gb", "2x"), but not a digit inside a name ("2FA", "S3", "B2B"), a word that
            // picks one out ("use one of your keys", "each one works once") or part of a compound ("two-factor", "one-time"):
            // those hold no quantity
            // nor a number that labels one of many ("Row 12: Email is not valid", "step 3", "error 404"): it counts nothing
            Pattern.compile("(?<!\\b(?:row|step|line|page|chapter|section|error|code|item|option|figure|table|part|level|no\\.|#)\\s?)"
                    + "\\b\\d++(?:[.,]\\d+)*+(?![a-z])|\\b\\d+(?:[.,]\\d+)?(?:k|m|kb|mb|gb|tb|px|x)\\b"
                    + "|(?<!each |any |every |no )\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|"
                    + "hundred|thousand|million)\\b(?! of\\b|-[a-z])|\\b(?:unlimited|no limit)\\b")),
    // "when was it founded?" asks for a date; "when does overtime start?" or "when do reminders arrive?" asks for a
    // condition or a moment ("after 12 hours", "15 minutes before the shift"), which no kind of value describes
    YEAR(Pattern.compile("\\b(?:what|which|in what) year\\b|\\bwhen (?:was|were|did)\\b"),
            Pattern.compile("\\b(?:1[0-9]{3}|20[0-9]{2})\\b|\\b(?:january|february|march|april|may|june|july|august|september|"
                    + "october|november|december)\\b|\\b\\d+(?:st|nd|rd|th) century\\b")),
    PERSON(Pattern.compile("^\\W*(?:who|whom|whose)\\b|\\bwho (?:is|was|were|are|did|does|wrote|sang|played|won|invented|"
            + "discovered|founded|plays|sings)\\b"),
            Pattern.compile("(?<![.!?]\\s)(?<!^)\\b[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)+\\b")),
    PLACE(Pattern.compile("^\\W*where\\b|\\bwhere (?:is|was|are|were|do|does|did|can|to|would|will)\\b"),
            Pattern.compile("(?<!^)(?<![.!?]\\s)\\b[A-Z][a-z]+|>|→|\\b(?:menu|tab|page|settings|sidebar|toolbar|button|panel|"
                    + "section|screen|dashboard|folder|located|found in|under)\\b")),
    ANY(null, null);

    /** Wording the types share; a class of its own because an enum's constants cannot read its static fields. */
    private static final class Wording {
        /** "how long" + this asks for a length: "can a SKU be", not "can a link be valid" (a duration). */
        static final String LENGTH = "(?:can|could|should|may|must) (?:[\\w'-]+ ){1,4}be\\b"
                + "(?! (?:valid|active|kept|stored|used|open|on|off|in|down|offline|paused|suspended|left|away|late)\\b)";
    }

    private static final Pattern LIST_NUMBER = Pattern.compile("(?m)^\\s*\\d{1,3}[.)]\\s+");

    private final Pattern asked;
    private final Pattern carried;

    AnswerType(Pattern asked, Pattern carried) {
        this.asked = asked;
        this.carried = carried;
    }

    /** The first type whose wording the question uses; {@link #ANY} when none. */
    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (AnswerType type : values()) {
            if (type.asked != null && type.asked.matcher(q).find()) {
                return type;
            }
        }
        return ANY;
    }

    /**
     * The kind of value a question asks for, in its conversation: a terse follow-up that asks for none ("and for mac?")
     * asks for the same kind as the question it follows ("what version of windows does the app need?").
     */
    static AnswerType asked(StandaloneQuery query) {
        AnswerType own = of(query.question());
        if (own != ANY || query.carried().isEmpty() || Terms.of(query.question()).size() > 2) {
            return own;
        }
        return of(query.carried().getFirst());
    }

    /** Whether {@code text} holds a value of this type (always, for {@link #ANY}). */
    boolean carriedBy(String text) {
        return carriedBy(text, Set.of());
    }

    /**
     * Whether {@code text} holds a value of this type that the question does not name itself: asked "who has played Chad
     * on Days of Our Lives?", a sentence naming "Days of Our Lives" names the topic, one naming "Billy Flynn" the answer.
     *
     * @param named the content words of the question and the turns carried into it ({@link QuestionTerms#named()})
     */
    boolean carriedBy(String text, Set<String> named) {
        if (carried == null) {
            return true;
        }
        // the numbers of a numbered list are not values: "2. Choose the ENEX format" holds no quantity
        String values = LIST_NUMBER.matcher(text).replaceAll("");
        if (this != PERSON && this != PLACE) {
            return carried.matcher(values.toLowerCase(Locale.ROOT)).find();
        }
        Matcher names = carried.matcher(values);
        while (names.find()) {
            Set<String> words = Terms.of(names.group());
            if (words.isEmpty() || !named.containsAll(words)) {
                return true;   // a new name, or a sign of a place that is no word ("Settings > Billing")
            }
        }
        return false;
    }
}
