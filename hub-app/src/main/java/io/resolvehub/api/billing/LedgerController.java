package io.resolvehub.api.billing;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.LedgerCsv;
import io.resolvehub.billing.LedgerEntry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The ledger: JSON pages ({@code after} = the last id seen, {@code limit} up to 10,000), or with
 * {@code Accept: text/csv} every entry in the range as one CSV download.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/ledger")
class LedgerController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final int MAX_LIMIT = 10_000;

    record EntryView(long id, String type, long coins, long balanceChange, long heldChange, String conversation,
                     String channel, String reason, Long chargeId, String key, String at) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.type().wire(), e.coins(), e.balanceChange(), e.heldChange(),
                    e.conversation(), e.channel(), e.reason(), e.chargeId(), e.idempotencyKey(), e.at().toString());
        }
    }

    private final TenantAccess access;
    private final Ledger ledger;
    private final BillingProperties properties;

    LedgerController(TenantAccess access, Ledger ledger, BillingProperties properties) {
        this.access = access;
        this.ledger = ledger;
        this.properties = properties;
    }

    @GetMapping
    ResponseEntity<?> ledger(@PathVariable String tenant,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "0") long after,
                             @RequestParam(defaultValue = "1000") int limit,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             HttpServletResponse response) throws IOException {
        var id = access.require(tenant);
        var range = DayRange.of(from, to, LocalDate.of(1970, 1, 1), LocalDate.of(9998, 12, 31));
        var zone = properties.zone();
        if (wantsCsv(accept)) {
            // Streamed on the request thread, straight to the response: no async dispatch, no whole ledger in memory.
            response.setContentType(new MediaType(CSV, StandardCharsets.UTF_8).toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + id + ".csv\"");
            var writer = response.getWriter();
            try (var rows = new LedgerCsv(writer)) {
                ledger.forEachEntry(id, range.start(zone), range.end(zone), rows);
            }
            writer.flush();
            return null;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be from 1 to " + MAX_LIMIT + "; page on with 'after' = the"
                    + " last id you received.");
        }
        List<EntryView> page = ledger.entries(id, range.start(zone), range.end(zone), after, limit).stream()
                .map(EntryView::of).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
    }

    /** CSV when the client ranks text/csv above JSON; JSON otherwise (also for a missing or wildcard Accept). */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Highest quality first; a stable sort keeps the client's order among equals.
        types = types.stream()
                .sorted(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType type : types) {
            if (CSV.equalsTypeAndSubtype(type)) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
