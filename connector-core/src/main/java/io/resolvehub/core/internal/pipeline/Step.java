package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.internal.conversation.AssistantTurn;
import io.resolvehub.core.internal.conversation.ConversationRecord;

import java.util.List;

/** What the {@link ConversationPipeline}'s first step found to do with an event. */
sealed interface Step {
    record Silent() implements Step { }
    record Reply(AssistantTurn turn) implements Step { }
    record Confirmed(boolean thank) implements Step { }
    record AskAgent(ConversationRecord conversation, HandoffPolicy policy, List<ChatTurn> history) implements Step { }
}
