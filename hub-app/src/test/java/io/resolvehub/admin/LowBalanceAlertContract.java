package io.resolvehub.admin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.resolvehub.api.ApiClient;
import io.resolvehub.billing.TopUps;
import io.resolvehub.core.TenantId;
import io.resolvehub.security.AdminSignIn;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing's low-balance alert reaches people: emailed (through a real SMTP server, GreenMail) to the tenant's admins
 * whose user name is an address, and shown on Overview and Billing with when it was raised.
 */
abstract class LowBalanceAlertContract {

    private static GreenMail smtp;

    @LocalServerPort
    int port;
    @Autowired
    TopUps topUps;

    static void mailServer(DynamicPropertyRegistry registry) {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("hub.mail.from", () -> "ResolveHub <hub@acme.test>");
        registry.add("hub.mail.page-url", () -> "https://hub.acme.test/");
    }

    @AfterAll
    static void stopMailServer() {
        if (smtp != null) smtp.stop();
    }

    @Test
    void theAlertIsEmailedToTheTenantsAdminsAndShownOnOverviewAndBilling() throws MessagingException {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"low-co\",\"name\":\"Low Co\"}").statusCode()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/tenants/low-co/users",
                "{\"username\":\"lead@low-co.test\",\"password\":\"a-long-enough-password\"}").statusCode()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/tenants/low-co/users",
                "{\"username\":\"night-shift\",\"password\":\"a-long-enough-password\"}").statusCode()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"other-co\",\"name\":\"Other Co\"}").statusCode()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/tenants/other-co/users",
                "{\"username\":\"boss@other-co.test\",\"password\":\"a-long-enough-password\"}").statusCode()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/tenants/low-co/topups", "{\"coins\":100,\"reference\":\"first\"}").statusCode())
                .isBetween(200, 201);

        topUps.adjust(new TenantId("low-co"), -60, "goodwill-correction", "credited twice by mistake");

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("the alert email arrives").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("lead@low-co.test");
        assertThat(mail.getFrom()[0].toString()).contains("hub@acme.test");
        assertThat(mail.getSubject()).isEqualTo("ResolveHub: Low Co is low on coins (40 coins available)");
        assertThat(GreenMailUtil.getBody(mail)).contains("below its alert level of 50 coins")
                .contains("https://hub.acme.test/t/low-co/billing");

        HttpClient http = HttpClient.newHttpClient();
        String session = AdminSignIn.signIn(http, port, "lead@low-co.test", "a-long-enough-password");
        for (String page : new String[]{"/t/low-co/", "/t/low-co/billing"}) {
            String html = AdminSignIn.send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                    .header("Cookie", session).GET().build()).body();
            assertThat(html).as(page).contains("Low balance: 40 coins available, below your alert level of 50 coins")
                    .containsPattern("Last alert raised \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        }
    }
}
