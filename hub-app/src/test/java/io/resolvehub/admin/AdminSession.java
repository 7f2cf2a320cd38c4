package io.resolvehub.admin;

import io.resolvehub.security.AdminSignIn;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in admin on the pages over real HTTP: reads a page, submits its forms with the page's CSRF token. */
final class AdminSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String cookie;

    AdminSession(int port, String username, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.cookie = AdminSignIn.signIn(http, port, username, password);
    }

    HttpResponse<String> get(String path) {
        return AdminSignIn.send(http, HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build());
    }

    /** Submits a form of {@code page} to {@code action} with the page's CSRF token, as the browser would. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(page).body());
        assertThat(token.find()).as(page + " carries a CSRF token").isTrue();
        return post(action, fields, token.group(1));
    }

    /** A form POST; {@code csrf} null sends none. */
    HttpResponse<String> post(String action, Map<String, String> fields, String csrf) {
        String form = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) form += (form.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
        return AdminSignIn.send(http, HttpRequest.newBuilder(URI.create(base + action)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
