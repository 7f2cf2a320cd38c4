/**
 * The Microsoft Teams channel: Bot Framework activities on {@code POST /teams/messages} with JWT
 * validation, replies with an Adaptive Card carrying the resolve / hand-off actions, the outbound client-credentials
 * token, hand-offs, and the Teams app package. The retired Bot Framework SDK for Java stays inside this package.
 */
package io.resolvehub.teams;
