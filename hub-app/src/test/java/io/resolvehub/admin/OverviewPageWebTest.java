package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.billing.Balance;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.UsageReports;
import io.resolvehub.core.conversation.ConversationInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Overview page in a web slice, billing and the inbox stood in: the available coins, this week's resolutions, their
 * rate (none handed off: 100%) and the coins spent net of refunds are shown; another tenant's overview is refused
 * before anything is read, an unknown one is not found.
 */
@WebMvcTest(OverviewPage.class)
class OverviewPageWebTest extends WebSlice {

    @MockitoBean
    UsageReports usage;
    @MockitoBean
    ConversationInbox inbox;
    @MockitoBean
    BillingProperties properties;

    @BeforeEach
    void acmeResolvedNineThisWeekAndGotTwoCoinsBack() {
        when(properties.zone()).thenReturn(ZoneOffset.UTC);
        when(usage.usage(any(), any(), any())).thenReturn(new UsageReports.Report(LocalDate.EPOCH, LocalDate.EPOCH,
                List.of(), new UsageReports.Row(null, null, 9, 17, 1, 2)));
    }

    @Test
    void thisWeeksResolutionsAndNetCoinsAreShown() throws Exception {
        when(ledger.balance(ACME)).thenReturn(new Balance(480, 30));
        open(get("/t/acme/")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("<div class=\"value\">9</div>"), containsString("<div class=\"value\">15</div>"),
                containsString("<div class=\"value\">100%</div>"), containsString("450"))));
    }

    @Test
    void anotherTenantsOverviewIsRefusedBeforeAnythingIsRead() throws Exception {
        open(get("/t/other-co/")).andExpect(status().isForbidden()).andExpect(content().string(containsString("Not allowed")));
        open(get("/t/nobody/")).andExpect(status().isNotFound()).andExpect(content().string(containsString("Not found")));
        verifyNoInteractions(usage, inbox);
    }
}
