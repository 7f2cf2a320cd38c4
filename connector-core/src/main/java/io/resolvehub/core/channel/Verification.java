package io.resolvehub.core.channel;

/** The result of checking a channel's settings: parameters first, then connectivity. */
public record Verification(boolean ok, String detail) {

    public static Verification success(String detail) {
        return new Verification(true, detail);
    }

    public static Verification failure(String detail) {
        return new Verification(false, detail);
    }
}
