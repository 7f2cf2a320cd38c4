package io.resolvehub.api.users;

/** What a new admin's name and password must be; the message says how to fix it. */
public final class UserRules {

    public static final int MIN_PASSWORD = 12;

    private UserRules() {
    }

    /** The first problem with the pair, or null when both are fine. */
    public static String problem(String username, String password) {
        if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{2,100}")) {
            return "'username' must be 2-100 letters, digits, dots, dashes, underscores or @.";
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            return "'password' must be " + MIN_PASSWORD + " to 200 characters.";
        }
        return null;
    }
}
