package io.resolvehub.api.channels;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.api.channels.ChannelRecords.ChannelView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /tenants/{t}/channels/{slack|teams|zendesk}} and {@code GET /tenants/{t}/channels}, over
 * {@link ChannelRecords} (which the admin page's channel forms use too).
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/channels")
class ChannelsController {

    static final String MASK = ChannelRecords.MASK;

    private final TenantAccess access;
    private final ChannelRecords records;

    ChannelsController(TenantAccess access, ChannelRecords records) {
        this.access = access;
        this.records = records;
    }

    @GetMapping
    List<ChannelView> list(@PathVariable String tenant) {
        return records.list(access.require(tenant));
    }

    @PutMapping("/{channel}")
    ChannelView put(@PathVariable String tenant, @PathVariable String channel, @RequestBody(required = false) JsonNode body,
                    @RequestParam(defaultValue = "true") boolean verify) {
        var t = access.require(tenant);
        records.properties(channel); // 404 for a channel this hub does not have, before the body is judged
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with the settings of " + channel
                    + "; GET /api/v1/tenants/" + t + "/channels shows what is stored.");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : body.propertyNames()) {
            JsonNode v = body.get(name);
            if (v == null || v.isNull()) continue;
            if (!v.isString() && !v.isNumber()) {
                throw ApiException.badRequest("'" + name + "' must be a string. Nothing was changed.");
            }
            given.put(name, v.isString() ? v.stringValue() : v.asString());
        }
        // the connector checks the settings against the platform before they are stored, unless told not to
        return records.save(t, channel, given, verify);
    }
}
