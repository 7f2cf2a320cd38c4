package io.resolvehub.api.billing;

import io.resolvehub.api.ApiException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** {@code from}/{@code to} query parameters: ISO dates, both days included. */
record DayRange(LocalDate from, LocalDate to) {

    static LocalDate parse(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO date like 2026-11-01, not '" + value + "'.");
        }
    }

    static DayRange of(String from, String to, LocalDate defaultFrom, LocalDate defaultTo) {
        DayRange range = new DayRange(parse("from", from, defaultFrom), parse("to", to, defaultTo));
        if (range.from.isAfter(range.to)) {
            throw ApiException.badRequest("'from' (" + range.from + ") must not be after 'to' (" + range.to + ").");
        }
        return range;
    }

    java.time.Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range. */
    java.time.Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
