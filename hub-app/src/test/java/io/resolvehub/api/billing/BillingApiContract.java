package io.resolvehub.api.billing;

import io.resolvehub.api.ApiClient;
import io.resolvehub.billing.HoldingCoinMeter;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationResolved;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The billing REST calls against the whole hub, on each database (see the subclasses). */
abstract class BillingApiContract {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    HoldingCoinMeter meter;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    ApiClient api;
    String tenant;
    String base;

    @BeforeEach
    void freshTenant() {
        api = new ApiClient(port);
        tenant = "bill-" + TENANTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Billing test\"}")
                .statusCode()).isEqualTo(201);
        base = "/api/v1/tenants/" + tenant;
    }

    @Test
    void startsATenantAtZeroCoins() {
        HttpResponse<String> balance = api.get(base + "/balance");

        assertThat(balance.statusCode()).isEqualTo(200);
        assertThat(balance.body()).isEqualTo("{\"balance\":0,\"held\":0,\"available\":0}");
    }

    @Test
    void creditsATopUpOnceWhenTheSameReferenceIsSentAgain() {
        HttpResponse<String> first = api.postJson(base + "/topups", "{\"coins\":100,\"reference\":\"inv-1\"}");
        HttpResponse<String> again = api.postJson(base + "/topups", "{\"coins\":100,\"reference\":\"inv-1\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"balance\":100,\"held\":0,\"available\":100}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ledgerJson()).containsOnlyOnce("\"type\":\"topup\"");
    }

    @Test
    void refusesTheSameTopUpReferenceWithOtherCoinsWith409() {
        api.postJson(base + "/topups", "{\"coins\":100,\"reference\":\"inv-1\"}");

        HttpResponse<String> other = api.postJson(base + "/topups", "{\"coins\":50,\"reference\":\"inv-1\"}");

        assertProblem(other, 409, "already used for a top-up of 100 coins");
        assertThat(api.get(base + "/balance").body()).contains("\"balance\":100");
    }

    @Test
    void refusesInvalidTopUpsWith400AndChangesNothing() {
        for (String body : List.of("{\"coins\":1.5,\"reference\":\"a\"}", "{\"coins\":0,\"reference\":\"a\"}",
                "{\"coins\":-5,\"reference\":\"a\"}", "{\"coins\":\"ten\",\"reference\":\"a\"}",
                "{\"coins\":10}", "{\"coins\":10,\"reference\":\"  \"}", "{\"coins\":10,\"reference\":\"a\",\"x\":1}",
                "[]", "{\"coins\":99999999999999999999,\"reference\":\"a\"}")) {
            HttpResponse<String> response = api.postJson(base + "/topups", body);

            assertProblem(response, 400, "");
        }
        assertThat(api.get(base + "/balance").body()).isEqualTo("{\"balance\":0,\"held\":0,\"available\":0}");
        assertThat(ledgerJson()).isEqualTo("[]");
    }

    @Test
    void servesDefaultPricingAndReplacesItWhole() {
        assertThat(api.get(base + "/pricing").body())
                .isEqualTo("{\"baseCoins\":1,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,\"lowBalanceCoins\":50}");

        String wanted = "{\"baseCoins\":2,\"coinsPerExtraAnswer\":0,\"maxCoins\":9,\"lowBalanceCoins\":0}";
        HttpResponse<String> put = api.putJson(base + "/pricing", wanted);

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo(wanted);
        assertThat(api.get(base + "/pricing").body()).isEqualTo(wanted);
    }

    @Test
    void refusesInvalidPricingWith400AndKeepsTheOldPricing() {
        String old = "{\"baseCoins\":2,\"coinsPerExtraAnswer\":1,\"maxCoins\":6,\"lowBalanceCoins\":10}";
        api.putJson(base + "/pricing", old);
        List<String> invalid = List.of(
                "{\"baseCoins\":0,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,\"lowBalanceCoins\":50}",
                "{\"baseCoins\":6,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,\"lowBalanceCoins\":50}",
                "{\"baseCoins\":1,\"coinsPerExtraAnswer\":-1,\"maxCoins\":5,\"lowBalanceCoins\":50}",
                "{\"baseCoins\":1,\"coinsPerExtraAnswer\":1,\"maxCoins\":1001,\"lowBalanceCoins\":50}",
                "{\"baseCoins\":1,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,\"lowBalanceCoins\":-1}",
                "{\"baseCoins\":1,\"coinsPerExtraAnswer\":1,\"maxCoins\":5}",
                "{\"baseCoins\":1.5,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,\"lowBalanceCoins\":50}",
                "{\"baseCoins\":1,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,\"lowBalanceCoins\":50,\"maxcoins\":9}");

        for (String body : invalid) {
            assertProblem(api.putJson(base + "/pricing", body), 400, "");
        }
        assertProblem(api.putJson(base + "/pricing",
                        "{\"baseCoins\":7,\"coinsPerExtraAnswer\":1,\"maxCoins\":2000,\"lowBalanceCoins\":50}"),
                400, "maxCoins must be at most 1000");
        assertThat(api.get(base + "/pricing").body()).isEqualTo(old);
    }

    @Test
    void exportsTheLedgerAsCsvWhenAskedForTextCsv() throws IOException {
        api.postJson(base + "/topups", "{\"coins\":20,\"reference\":\"inv-1\"}");
        resolve("conv-1", 2, ResolutionKind.CONFIRMED);

        HttpResponse<String> csv = api.send(api.request(base + "/ledger").header("Accept", "text/csv").GET().build());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).extracting(r -> r.get("type")).containsExactly("topup", "hold", "hold", "charge");
        assertThat(rows.get(2).get("reason")).as("the hold grew before the second answer").isEqualTo("answer 2");
        CSVRecord charge = rows.get(3);
        assertThat(charge.get("coins")).isEqualTo("2");
        assertThat(charge.get("balance_change")).isEqualTo("-2");
        assertThat(charge.get("reason")).isEqualTo("confirmed");
        assertThat(charge.get("conversation")).isEqualTo("conv-1");
        assertThat(charge.get("channel")).isEqualTo("web");
        assertThat(charge.get("idempotency_key")).isEqualTo("charge:conv-1");
        assertThat(ledgerJson()).startsWith("[{\"id\":");
    }

    @Test
    void refundsAChargeOnceAndAnswers409TheSecondTime() {
        api.postJson(base + "/topups", "{\"coins\":20,\"reference\":\"inv-1\"}");
        resolve("conv-1", 3, ResolutionKind.ASSUMED);
        String chargeId = ledgerJson().replaceAll("(?s).*\"id\":(\\d+),\"type\":\"charge\".*", "$1");

        HttpResponse<String> refund = api.postJson(base + "/charges/" + chargeId + "/refund",
                "{\"reason\":\"customer dispute\"}");
        HttpResponse<String> again = api.postJson(base + "/charges/" + chargeId + "/refund",
                "{\"reason\":\"customer dispute\"}");

        assertThat(refund.statusCode()).isEqualTo(200);
        assertThat(refund.body()).contains("\"chargeId\":" + chargeId, "\"coins\":3", "\"reason\":\"customer dispute\"",
                "\"balance\":{\"balance\":20,\"held\":0,\"available\":20}");
        assertProblem(again, 409, "already refunded");
        assertProblem(api.postJson(base + "/charges/999999/refund", "{\"reason\":\"x\"}"), 404, "no charge");
        assertProblem(api.postJson(base + "/charges/abc/refund", "{\"reason\":\"x\"}"), 404, "no charge");
        assertProblem(api.postJson(base + "/charges/" + chargeId + "/refund", "{}"), 400, "reason");
        assertThat(api.get(base + "/balance").body()).isEqualTo("{\"balance\":20,\"held\":0,\"available\":20}");
    }

    @Test
    void reportsUsagePerDayAndChannel() {
        api.postJson(base + "/topups", "{\"coins\":20,\"reference\":\"inv-1\"}");
        resolve("conv-1", 1, ResolutionKind.CONFIRMED);
        resolve("conv-2", 9, ResolutionKind.TICKET_SOLVED);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        HttpResponse<String> usage = api.get(base + "/usage?from=" + today + "&to=" + today);

        assertThat(usage.statusCode()).isEqualTo(200);
        assertThat(usage.body()).contains("\"days\":[{\"day\":\"" + today + "\",\"channel\":\"web\","
                + "\"resolutions\":2,\"coins\":6,\"refunds\":0,\"refundedCoins\":0}]");
        assertProblem(api.get(base + "/usage?from=yesterday"), 400, "ISO date");
        assertProblem(api.get(base + "/usage?from=2026-02-01&to=2026-01-01"), 400, "must not be after");
    }

    @Test
    void handsANewConversationToAPersonWhenTheTenantHasNoCoins() {
        String conversation = startConversation();

        HttpResponse<String> reply = api.postJson(base + "/conversations/" + conversation + "/messages",
                "{\"text\":\"How do I export my notes?\"}");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).contains("\"decision\":\"handoff\"", "\"reason\":\"insufficient_balance\"");
        assertThat(ledgerJson()).isEqualTo("[]");
    }

    @Test
    void holdsWhenThePipelineGivesTheAiAConversationAndReleasesWhenItGoesToAPerson() {
        api.postJson(base + "/topups", "{\"coins\":20,\"reference\":\"inv-1\"}");
        String conversation = startConversation();

        HttpResponse<String> reply = api.postJson(base + "/conversations/" + conversation + "/messages",
                "{\"text\":\"How do I export my notes?\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(ledgerJson()).as("baseCoins before the first answer").contains("\"type\":\"hold\",\"coins\":1");
        api.postJson(base + "/conversations/" + conversation + "/feedback", "{\"resolved\":false}");

        assertThat(ledgerJson()).containsOnlyOnce("\"type\":\"hold\"").containsOnlyOnce("\"type\":\"release\"")
                .contains("\"conversation\":\"" + conversation + "\"").doesNotContain("\"type\":\"charge\"");
        assertThat(api.get(base + "/balance").body()).isEqualTo("{\"balance\":20,\"held\":0,\"available\":20}");
    }

    @Test
    void answersAnUnknownTenantWith404() {
        assertProblem(api.get("/api/v1/tenants/no-such-tenant/balance"), 404, "There is no tenant");
    }

    private String startConversation() {
        HttpResponse<String> started = api.postJson(base + "/conversations", "{\"user\":\"dana\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    /** What the pipeline does: grow the hold before each answer, then resolve inside a transaction. */
    private void resolve(String conversation, int aiAnswers, ResolutionKind kind) {
        var id = new TenantId(tenant);
        for (int answer = 1; answer <= aiAnswers; answer++) {
            assertThat(meter.holdFor(id, new ConversationId(conversation), ChannelType.WEB, answer)).isTrue();
        }
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new ConversationResolved(id, new ConversationId(conversation), ChannelType.WEB, aiAnswers, kind,
                        Instant.now())));
    }

    private String ledgerJson() {
        HttpResponse<String> ledger = api.get(base + "/ledger");
        assertThat(ledger.statusCode()).isEqualTo(200);
        return ledger.body();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"detail\":").contains(detailContains);
    }
}
