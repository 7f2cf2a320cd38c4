package io.resolvehub.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the agent's answer as Block Kit messages: the text in mrkdwn, its sources as links, and the
 * "That solved it" / "Talk to a human" buttons. Everything that came from documents is neutralised.
 */
final class SlackMessageRenderer {

    public static final String ACTION_RESOLVED = "hub_resolved";
    public static final String ACTION_HANDOFF = "hub_handoff";
    /** The block holding the buttons; removed when the user has clicked one. */
    public static final String FEEDBACK_BLOCK_ID = "hub_feedback";
    private static final int MAX_SOURCES = 5;

    /** One {@code chat.postMessage}: the notification text and the blocks. */
    public record SlackMessage(String text, List<LayoutBlock> blocks) {
    }

    /**
     * The messages to post, in order. Long answers become several messages of at most one full section each; the
     * sources and buttons go on the last one.
     *
     * @param buttonValue carried by both buttons (the thread key), so a click is tied to its conversation
     */
    public List<SlackMessage> render(Answer answer, boolean feedbackControls, String buttonValue) {
        List<String> pieces = SlackText.split(SlackText.markdownToMrkdwn(answer.text()), SlackText.SECTION_LIMIT);
        List<SlackMessage> messages = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            List<LayoutBlock> blocks = new ArrayList<>();
            blocks.add(section(pieces.get(i)));
            boolean last = i == pieces.size() - 1;
            if (last) {
                String sources = sources(answer.citations());
                if (!sources.isEmpty()) {
                    blocks.add(section(sources));
                }
                if (feedbackControls) {
                    blocks.add(feedbackButtons(buttonValue));
                }
            }
            messages.add(new SlackMessage(plainFallback(pieces.get(i)), blocks));
        }
        return messages;
    }

    /** Plain text for a notice (hand-off, errors): neutralised, no buttons. */
    public SlackMessage notice(String text) {
        String mrkdwn = SlackText.neutralize(text);
        return new SlackMessage(mrkdwn, List.of(section(mrkdwn)));
    }

    /** The clicked message without its buttons, ending with the outcome. */
    public List<LayoutBlock> withOutcome(List<LayoutBlock> original, String outcome) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (LayoutBlock block : original) {
            if (!FEEDBACK_BLOCK_ID.equals(block.getBlockId())) {
                blocks.add(block);
            }
        }
        blocks.add(ContextBlock.builder().blockId("hub_outcome")
                .elements(List.of(MarkdownTextObject.builder().text(SlackText.neutralize(outcome)).build())).build());
        return blocks;
    }

    static String sources(List<Citation> citations) {
        List<Citation> distinct = Citation.distinct(citations);
        if (distinct.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("*Sources*");
        distinct.stream().limit(MAX_SOURCES).forEach(c -> {
            String title = c.title() == null || c.title().isBlank() ? "Untitled document" : c.title();
            out.append("\n• ").append(c.url() == null ? SlackText.neutralize(title) : SlackText.link(c.url(), title));
        });
        return out.toString();
    }

    private static ActionsBlock feedbackButtons(String value) {
        return ActionsBlock.builder().blockId(FEEDBACK_BLOCK_ID).elements(List.of(
                ButtonElement.builder().actionId(ACTION_RESOLVED).style("primary").value(value)
                        .text(PlainTextObject.builder().text("That solved it").emoji(true).build()).build(),
                ButtonElement.builder().actionId(ACTION_HANDOFF).value(value)
                        .text(PlainTextObject.builder().text("Talk to a human").emoji(true).build()).build()
        )).build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    /** Notification text: the mrkdwn minus link targets, still escaped (it is parsed the same way). */
    private static String plainFallback(String mrkdwn) {
        return mrkdwn.replaceAll("<([^|>]+)\\|([^>]+)>", "$2");
    }
}
