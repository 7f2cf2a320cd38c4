package io.resolvehub.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the agent's answer as a Teams message: the text (Teams markdown), its sources as links, and an Adaptive
 * Card whose two {@code Action.Submit} buttons send {@code {"hubAction":"resolved"}} and {@code {"hubAction":"handoff"}}
 * back as a message activity. Text from documents cannot ping anyone: {@code <at>} markup is escaped (a Teams mention
 * also needs a mention entity, which the hub never sends).
 *
 * @see <a href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions#adaptive-cards-actions">Adaptive Card actions in Teams</a>
 */
final class TeamsMessageRenderer {

    static final String HUB_ACTION = "hubAction";
    static final String ACTION_RESOLVED = "resolved";
    static final String ACTION_HANDOFF = "handoff";
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    private static final int MAX_SOURCES = 5;
    /**
     * Teams refuses a message over about 28 KB (text, card and envelope). A piece of this many characters stays below
     * 21 KB even when every character takes three bytes in UTF-8, leaving room for the sources and the card.
     */
    static final int MAX_PIECE_CHARS = 7_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The answer (or clarifying question) as message activities to post in order: one, unless the text is too long
     * for one Teams message; the sources and the card go on the last.
     *
     * @see <a href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages">Message size limit</a>
     */
    List<Activity> render(Answer answer, boolean feedbackControls) {
        List<String> pieces = split(safe(answer.text()), MAX_PIECE_CHARS);
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            StringBuilder text = new StringBuilder(pieces.get(i));
            String sources = last ? sources(answer.citations()) : "";
            if (!sources.isEmpty()) {
                text.append("\n\n").append(sources);
            }
            Activity activity = message(text.toString());
            if (last && feedbackControls) {
                activity.setAttachments(List.of(feedbackCard()));
            }
            activities.add(activity);
        }
        return activities;
    }

    /** Splits at paragraph, line or word boundaries into pieces of at most {@code max} characters; never empty. */
    static List<String> split(String text, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = lastBoundary(rest, max, "\n\n");
            if (cut < max / 2) cut = lastBoundary(rest, max, "\n");
            if (cut < max / 2) cut = lastBoundary(rest, max, " ");
            if (cut < max / 2) cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        pieces.add(rest);
        return pieces;
    }

    private static int lastBoundary(String text, int max, String boundary) {
        int at = text.lastIndexOf(boundary, max - boundary.length());
        return at < 0 ? -1 : at + boundary.length();
    }

    /** A plain notice (hand-off, confirmation): no card. */
    Activity notice(String text) {
        return message(safe(text));
    }

    static String sources(List<Citation> citations) {
        List<Citation> distinct = Citation.distinct(citations);
        if (distinct.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("**Sources**");
        distinct.stream().limit(MAX_SOURCES).forEach(c -> {
            String title = markdownLabel(c.title() == null || c.title().isBlank() ? "Untitled document" : safe(c.title()));
            out.append("\n\n- ").append(c.url() == null ? title : "[" + title + "](" + c.url().replace(")", "%29") + ")");
        });
        return out.toString();
    }

    /** The card carrying the two feedback buttons. */
    static Attachment feedbackCard() {
        ObjectNode card = JSON.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", "Did this answer your question?").put("wrap", true);
        ArrayNode actions = card.putArray("actions");
        submit(actions, "That solved it", ACTION_RESOLVED).put("style", "positive");
        submit(actions, "Talk to a human", ACTION_HANDOFF);
        Attachment attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        attachment.setContent(card);
        return attachment;
    }

    private static ObjectNode submit(ArrayNode actions, String title, String hubAction) {
        ObjectNode action = actions.addObject();
        action.put("type", "Action.Submit");
        action.put("title", title);
        action.putObject("data").put(HUB_ACTION, hubAction);
        return action;
    }

    private static Activity message(String text) {
        Activity activity = Activity.createMessageActivity();
        activity.setText(text);
        activity.setTextFormat(TextFormatTypes.MARKDOWN);
        return activity;
    }

    /** Document text never carries mention markup into Teams. */
    static String safe(String text) {
        return text == null ? "" : text.replaceAll("(?i)<(/?)at\\b", "&lt;$1at");
    }

    private static String markdownLabel(String title) {
        return title.replace("[", "(").replace("]", ")");
    }

}
