package io.resolvehub.slack;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The threads the hub has answered in ({@code slack_threads}). A message in one of them continues the conversation
 * without a new mention; any other un-mentioned channel message is none of the hub's business.
 */
class SlackThreads {

    /** The longest team, channel or thread id kept ({@code slack_threads}' columns); Slack's are far shorter. */
    static final int MAX_ID_LENGTH = 32;

    private final JdbcClient jdbc;

    SlackThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the thread; idempotent. */
    void remember(String teamId, String channelId, String threadTs) {
        if (isAnswering(teamId, channelId, threadTs)) {
            return;
        }
        // another instance recording it first is the same outcome; skipped by the statement, not caught
        jdbc.sql("insert into slack_threads (team_id, channel_id, thread_ts, created_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(teamId, channelId, threadTs, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
    }

    boolean isAnswering(String teamId, String channelId, String threadTs) {
        return jdbc.sql("select count(*) from slack_threads where team_id = ? and channel_id = ? and thread_ts = ?")
                .params(teamId, channelId, threadTs).query(Long.class).single() > 0;
    }

    /** Forgets a workspace's threads (uninstall). */
    void forgetTeam(String teamId) {
        jdbc.sql("delete from slack_threads where team_id = ?").param(teamId).update();
    }
}
