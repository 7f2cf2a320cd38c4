package io.resolvehub.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant: one company using the hub. Lower-case letters, digits and dashes, 2–40 characters. */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id '" + value
                    + "' must be 2-40 characters of lower-case letters, digits and dashes, starting with a letter or digit");
        }
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
