package io.resolvehub.agent;

import java.util.Locale;

/** Where a knowledge source's documents come from. */
public enum SourceType {
    FILE, TEXT, URL, SITEMAP,
    /** A public Zendesk Guide help center, read article by article through the Help Center API. */
    ZENDESK_GUIDE;

    /** True for sources of many documents, whose title is not taken from any one of them. */
    public boolean manyDocuments() {
        return this == SITEMAP || this == ZENDESK_GUIDE;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
