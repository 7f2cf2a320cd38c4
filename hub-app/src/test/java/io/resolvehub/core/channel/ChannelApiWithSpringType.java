package io.resolvehub.core.channel;

import org.springframework.context.ApplicationContext;

/** Breaks "the core API has no Spring or SDK types" (a test-only class in the API package). */
public class ChannelApiWithSpringType {

    ApplicationContext context;
}
