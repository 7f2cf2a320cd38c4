package io.resolvehub.slack;

import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.events.payload.MessagePayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import io.resolvehub.core.InboundKind;

/** A verified Slack request the hub acts on: one of the events, commands and clicks it subscribes to. */
sealed interface SlackDelivery {

    /** The workspace it comes from; null when Slack did not say. */
    String teamId();

    /** Whether the workspace must still have a bot token (everything but the notice that it is gone). */
    default boolean needsBotToken() {
        return true;
    }

    /** {@code app_mention}: someone mentioned the hub in a channel. */
    record Mention(AppMentionPayload payload) implements SlackDelivery {
        @Override
        public String teamId() {
            return payload.getTeamId();
        }
    }

    /** {@code message.*}: a direct message, or a message in a thread (the hub may be answering it). */
    record Message(MessagePayload payload) implements SlackDelivery {
        @Override
        public String teamId() {
            return payload.getTeamId();
        }
    }

    /** The {@code /ask} slash command, with a question. */
    record Command(SlashCommandPayload payload) implements SlackDelivery {
        @Override
        public String teamId() {
            return payload.getTeamId();
        }
    }

    /** A click on one of the two buttons under an answer. */
    record ButtonClick(BlockActionPayload payload, InboundKind kind) implements SlackDelivery {
        @Override
        public String teamId() {
            return payload.getTeam() != null ? payload.getTeam().getId() : null;
        }
    }

    /** {@code app_uninstalled}, or {@code tokens_revoked} for the bot token: the workspace record goes. */
    record AppRemoved(String teamId, String why) implements SlackDelivery {
        @Override
        public boolean needsBotToken() {
            return false;
        }
    }
}
