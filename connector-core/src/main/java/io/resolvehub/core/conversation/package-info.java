/**
 * What the hub's web layer reads and drives in the conversation pipeline: the built-in web channel
 * ({@link io.resolvehub.core.conversation.WebConversations}), the inbox ({@link io.resolvehub.core.conversation.ConversationInbox})
 * and the per-tenant hand-off policy ({@link io.resolvehub.core.conversation.HandoffPolicies}). No Spring types;
 * implementations live in {@code io.resolvehub.core.internal}.
 */
package io.resolvehub.core.conversation;
