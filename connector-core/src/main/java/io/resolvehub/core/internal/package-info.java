/**
 * The conversation pipeline behind the core SPI. How an event flows:
 * <ol>
 *   <li>{@code intake}: a connector calls {@link io.resolvehub.core.InboundIntake#accept}; one INSERT into
 *       {@code inbound_events} (unique channel + platform event id) and the platform may be acknowledged. Platform-thread
 *       {@code InboundWorkers} (never on the request threads' virtual-thread carriers) on every instance claim events (oldest unfinished event of each thread only, so a
 *       thread's events run one at a time and in order), renew their leases while working, retry failures with
 *       backoff and dead-letter after {@code hub.pipeline.max-attempts}.</li>
 *   <li>{@code pipeline.ConversationPipeline}: per event, a transaction records the user's turn and applies the checks
 *       that need no agent (escalated → silent, resolution phrases, human phrases, the coin hold, "didn't help"); the
 *       agent is asked outside any transaction through {@code GuardedAnswerEngine} (time limiter + circuit breaker);
 *       a second transaction applies {@code HandoffRules} (low confidence / clarify first, the agent's own hand-off,
 *       max turns), records the reply and publishes {@link io.resolvehub.core.event.MessageAnswered}; then
 *       {@code ReplyDelivery} posts it or {@code HandoffDelivery} opens the ticket through the connector.</li>
 *   <li>{@code conversation.ConversationStateMachine}: every state change is a conditional UPDATE, logged in
 *       {@code conversation_events}, and publishes its {@code event/*} record inside the same transaction (billing
 *       listens synchronously there).</li>
 *   <li>{@code resolution}: a db-scheduler recurring task resolves silent answered conversations (assumed) and closes
 *       silent clarify-only ones unresolved.</li>
 *   <li>{@code web}: the built-in web channel feeds the same intake and waits for its event's reply.</li>
 * </ol>
 * {@link io.resolvehub.core.internal.ConversationCore} assembles the parts; {@link io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration}
 * exposes them as beans.
 */
package io.resolvehub.core.internal;
