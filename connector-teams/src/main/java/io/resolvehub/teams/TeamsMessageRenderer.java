package io.resolvehub.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Teams refuses messages over about 28 KB; the answer text is kept well below, leaving room for the card. */
    static final int MAX_TEXT_CHARS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer (or clarifying question) as one message activity. */
    Activity render(Answer answer, boolean feedbackControls) {
        StringBuilder text = new StringBuilder(abbreviate(safe(answer.text()), MAX_TEXT_CHARS));
        String sources = sources(answer.citations());
        if (!sources.isEmpty()) {
            text.append("\n\n").append(sources);
        }
        Activity activity = message(text.toString());
        if (feedbackControls) {
            activity.setAttachments(List.of(feedbackCard()));
        }
        return activity;
    }

    /** A plain notice (hand-off, confirmation): no card. */
    Activity notice(String text) {
        return message(safe(text));
    }

    static String sources(List<Citation> citations) {
        Map<String, Citation> distinct = new LinkedHashMap<>();
        for (Citation c : citations) {
            distinct.putIfAbsent(c.url() != null ? c.url() : c.sourceId() + "|" + c.title(), c);
        }
        if (distinct.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("**Sources**");
        distinct.values().stream().limit(MAX_SOURCES).forEach(c -> {
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

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
