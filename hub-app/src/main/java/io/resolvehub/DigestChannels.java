package io.resolvehub;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.Report;
import io.resolvehub.insights.DigestSender;
import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the digest where the tenant asked: through its Slack or Teams connection (the channel renders the report:
 * Block Kit, an Adaptive Card), or as an email with an HTML and a plain-text part through the hub's mail server
 * ({@code spring.mail.*}). A failure is thrown back, so the digest is retried.
 */
class DigestChannels implements DigestSender {

    private final ChannelAccounts accounts;
    private final ObjectProvider<ChannelConnectorFactory> factories;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    DigestChannels(ChannelAccounts accounts, ObjectProvider<ChannelConnectorFactory> factories,
                   ObjectProvider<JavaMailSender> mail, String from) {
        this.accounts = accounts;
        this.factories = factories;
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(TenantId tenant, String channel, String target, Report digest) {
        if ("email".equals(channel)) {
            email(target, digest);
            return;
        }
        ChannelType type = new ChannelType(channel);
        ChannelSettings settings = accounts.find(tenant, type).orElseThrow(() -> new IllegalStateException(
                "tenant " + tenant + " has no " + channel + " connection: connect it on the Channels page"));
        ChannelConnectorFactory factory = factories.orderedStream().filter(f -> f.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("this hub has no " + channel + " channel"));
        try (ChannelConnector connector = factory.create(tenant, settings)) {
            connector.post(target, digest);
        }
    }

    private void email(String to, Report digest) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server: set spring.mail.host to send the digest by email");
        }
        try {
            var message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(digest.title());
            helper.setText(digest.plainText(), DigestEmail.html(digest));
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not write the digest email: " + e.getMessage(), e);
        }
    }
}
