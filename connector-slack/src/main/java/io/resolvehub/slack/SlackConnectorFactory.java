package io.resolvehub.slack;

import com.slack.api.methods.response.auth.AuthTestResponse;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.Verification;

import java.util.List;
import java.util.Optional;

/** The {@code slack} channel: a tenant's workspace is its team id, bot token and optional escalation channel. */
public final class SlackConnectorFactory implements ChannelConnectorFactory {

    public static final String TEAM_ID = "teamId";
    public static final String BOT_TOKEN = "botToken";
    public static final String ESCALATION_CHANNEL = "escalationChannel";

    private static final List<ChannelConfigProperty> PROPERTIES = List.of(
            new ChannelConfigProperty(TEAM_ID, "Workspace (team) id, e.g. T0123ABCD", true, false, true),
            new ChannelConfigProperty(BOT_TOKEN, "Bot token (xoxb-…)", true, true, false),
            new ChannelConfigProperty(ESCALATION_CHANNEL, "Escalation channel id for hand-off notices (optional)", false, false, false));

    private final SlackWebApi api;
    private final SlackMessageRenderer renderer;
    private final SlackThreads threads;
    private final SlackThreadHistory history;

    SlackConnectorFactory(SlackWebApi api, SlackMessageRenderer renderer, SlackThreads threads, SlackThreadHistory history) {
        this.api = api;
        this.renderer = renderer;
        this.threads = threads;
        this.history = history;
    }

    SlackConnectorFactory(SlackWebApi api, SlackMessageRenderer renderer, SlackThreads threads) {
        this(api, renderer, threads, new SlackThreadHistory(api, SlackProperties.DEFAULT_HISTORY_TIMEOUT));
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public List<ChannelConfigProperty> configProperties() {
        return PROPERTIES;
    }

    @Override
    public Optional<String> settingsProblem(ChannelSettings settings) {
        Optional<String> missing = settings.missing(PROPERTIES);
        if (missing.isPresent()) {
            return missing;
        }
        if (!settings.require(TEAM_ID).matches("[TE][A-Z0-9]{2,31}")) {
            return Optional.of("'" + TEAM_ID + "' must be a Slack workspace id such as T0123ABCD, not '"
                    + settings.require(TEAM_ID) + "'");
        }
        if (!settings.require(BOT_TOKEN).matches("xoxb-[A-Za-z0-9-]{1,250}")) {
            return Optional.of("'" + BOT_TOKEN + "' must be a bot token (xoxb-…)");
        }
        return settings.get(ESCALATION_CHANNEL).filter(c -> !c.matches("[CG][A-Z0-9]{2,31}"))
                .map(c -> "'" + ESCALATION_CHANNEL + "' must be a Slack channel id such as C0123ABCD, not '" + c + "'");
    }

    @Override
    public Verification verify(ChannelSettings settings) {
        Optional<String> problem = settingsProblem(settings);
        if (problem.isPresent()) {
            return Verification.failure(problem.get());
        }
        String teamId = settings.require(TEAM_ID);
        try {
            AuthTestResponse auth = api.call(settings.require(BOT_TOKEN), "auth.test", methods -> methods.authTest(r -> r));
            if (!teamId.equals(auth.getTeamId())) {
                return Verification.failure("the bot token belongs to workspace " + auth.getTeamId() + ", not " + teamId);
            }
            return Verification.success("connected to " + auth.getTeam() + " (" + auth.getTeamId() + ") as " + auth.getUser());
        } catch (ChannelException e) {
            return Verification.failure("Slack refused the bot token: " + e.getMessage());
        }
    }

    @Override
    public ChannelConnector create(TenantId tenant, ChannelSettings settings) {
        return new SlackChannelConnector(tenant, settings.require(TEAM_ID), settings.require(BOT_TOKEN),
                settings.get(ESCALATION_CHANNEL).orElse(null), api, renderer, threads, history);
    }
}
