package io.resolvehub.insights;

import org.springframework.scheduling.support.CronExpression;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and when a tenant's digest goes ({@code GET}/{@code PUT /tenants/{t}/digest}).
 *
 * @param schedule {@code weekly} (Mondays 09:00), {@code daily} (09:00) or a cron expression (five fields, minute
 *                 first, or Spring's six, second first), in {@code timeZone}
 * @param channel  {@code slack}, {@code teams} or {@code email}; null while no destination is set
 * @param target   the Slack channel id, Teams conversation id or email address
 */
public record DigestSettings(String schedule, String channel, String target, String timeZone) {

    public static final String WEEKLY = "weekly";
    public static final String DAILY = "daily";
    static final Set<String> CHANNELS = Set.of("slack", "teams", "email");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A tenant that has set nothing: weekly, in UTC, nowhere to send yet. */
    public static DigestSettings defaults() {
        return new DigestSettings(WEEKLY, null, null, "UTC");
    }

    public boolean hasDestination() {
        return channel != null && target != null;
    }

    /**
     * The settings as given, checked and normalised.
     *
     * @throws InvalidDigestSettings naming what is wrong and what to send instead
     */
    public DigestSettings validated() {
        String s = schedule == null || schedule.isBlank() ? WEEKLY : schedule.strip();
        cron(s); // throws when unreadable
        if (channel == null || !CHANNELS.contains(channel.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidDigestSettings("'channel' must be \"slack\", \"teams\" or \"email\".");
        }
        String c = channel.strip().toLowerCase(Locale.ROOT);
        if (target == null || target.isBlank() || target.length() > 320) {
            throw new InvalidDigestSettings("'target' is required: the Slack channel id (e.g. \"C0123ABCD\"), the Teams"
                    + " conversation id, or the email address the digest goes to.");
        }
        if (c.equals("email") && !ADDRESS.matcher(target.strip()).matches()) {
            throw new InvalidDigestSettings("'target' must be an email address (e.g. \"support-lead@example.com\") when"
                    + " 'channel' is \"email\".");
        }
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidDigestSettings("'timeZone' must be a time zone id such as \"Europe/Berlin\" or \"UTC\"; \""
                    + zone + "\" is not one.");
        }
        return new DigestSettings(s, c, target.strip(), zone);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "UTC" : timeZone);
    }

    /** The first time the digest is due after {@code after}. */
    public Instant nextDue(Instant after) {
        ZonedDateTime next = cron(schedule).next(after.atZone(zone()));
        if (next == null) {
            throw new InvalidDigestSettings("the schedule \"" + schedule + "\" never comes due");
        }
        return next.toInstant();
    }

    /** How long a period is: the time between this due time and the next. */
    public Duration period(Instant due) {
        return Duration.between(due, nextDue(due));
    }

    private static CronExpression cron(String schedule) {
        String expression = switch (schedule.toLowerCase(Locale.ROOT)) {
            case WEEKLY -> "0 0 9 * * MON";
            case DAILY -> "0 0 9 * * *";
            default -> schedule.trim().split("\\s+").length == 5 ? "0 " + schedule.trim() : schedule.trim();
        };
        try {
            return CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new InvalidDigestSettings("'schedule' must be \"weekly\", \"daily\" or a cron expression such as"
                    + " \"0 9 * * MON\" (minute hour day-of-month month day-of-week); \"" + schedule + "\" is not: "
                    + e.getMessage());
        }
    }
}
