package io.resolvehub.api.boundaryviolation;

import org.zendesk.client.v2.model.Ticket;

/** Breaks "SDKs stay in their module": only connector-zendesk may use the Zendesk client. */
public class ApiUsingTheZendeskClient {

    Ticket ticket;
}
