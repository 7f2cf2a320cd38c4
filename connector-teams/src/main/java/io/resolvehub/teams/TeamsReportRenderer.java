package io.resolvehub.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.resolvehub.core.channel.Report;

import java.util.List;

/**
 * Renders a {@link Report} (the insights digest) as one message with an Adaptive Card: the title and summary, then per
 * section a heading, its facts as a FactSet and its lines as wrapped text blocks. Text is escaped as in answers, so a
 * quoted question cannot mention anyone.
 *
 * @see <a href="https://adaptivecards.io/explorer/FactSet.html">Adaptive Card FactSet</a>
 */
final class TeamsReportRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    Activity render(Report report) {
        ObjectNode card = JSON.createObjectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        text(body, report.title()).put("size", "Large").put("weight", "Bolder");
        if (!report.summary().isBlank()) {
            text(body, report.summary());
        }
        for (Report.Section section : report.sections()) {
            text(body, section.heading()).put("weight", "Bolder").put("spacing", "Medium").put("separator", true);
            if (!section.facts().isEmpty()) {
                ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
                section.facts().forEach(f -> facts.addObject().put("title", TeamsMessageRenderer.safe(f.name()))
                        .put("value", TeamsMessageRenderer.safe(f.value())));
            }
            section.lines().forEach(line -> text(body, "- " + line).put("spacing", "Small"));
        }
        Attachment attachment = new Attachment();
        attachment.setContentType(TeamsMessageRenderer.ADAPTIVE_CARD);
        attachment.setContent(card);
        Activity activity = Activity.createMessageActivity();
        activity.setText(TeamsMessageRenderer.safe(report.title()));
        activity.setAttachments(List.of(attachment));
        return activity;
    }

    private static ObjectNode text(ArrayNode body, String text) {
        return body.addObject().put("type", "TextBlock").put("text", TeamsMessageRenderer.safe(text)).put("wrap", true);
    }
}
