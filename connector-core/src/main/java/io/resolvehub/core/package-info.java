/**
 * The hub's core: the channel-neutral conversation model and the SPIs the other modules implement
 * ({@link io.resolvehub.core.AnswerEngine} by agent-engine, {@link io.resolvehub.core.CoinMeter} by billing,
 * {@link io.resolvehub.core.channel.ChannelConnectorFactory} by each connector). No Spring types in this package
 * or its API sub-packages; implementations live in {@code internal}.
 */
package io.resolvehub.core;
