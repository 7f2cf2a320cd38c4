package io.resolvehub.teams;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question in a Teams message: a channel or group message that addresses the bot carries the mention as
 * {@code <at>Bot name</at>} markup in its text, which is not part of what the user asks.
 *
 * @see <a href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#retrieve-mentions">Retrieve mentions</a>
 */
public final class TeamsMentionText {

    private static final Pattern MENTION = Pattern.compile("<at[^>]*>(.*?)</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TeamsMentionText() {
    }

    /**
     * The text without the bot's mention; other people's mentions keep their names ("can Casey export notes?").
     * Whitespace is collapsed; empty (never null) for a bare mention.
     *
     * @param botName the bot's display name as Teams puts it in the mention
     */
    public static String question(String activityText, String botName) {
        if (activityText == null) {
            return "";
        }
        String withoutBot = MENTION.matcher(activityText).replaceAll(mention ->
                mention.group(1).strip().equalsIgnoreCase(botName) ? " " : Matcher.quoteReplacement(mention.group(1)));
        return SPACES.matcher(withoutBot.replace("&nbsp;", " ")).replaceAll(" ").strip();
    }
}
