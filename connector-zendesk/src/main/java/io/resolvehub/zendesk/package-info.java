/**
 * The Zendesk channel: signed webhooks for ticket events, AI answers as public comments, hand-offs as one
 * ticket update, tickets for hand-offs from Slack and Teams, Zendesk Guide as a knowledge source, and the marketplace
 * app. The Zendesk Java Client stays inside this package.
 */
package io.resolvehub.zendesk;
