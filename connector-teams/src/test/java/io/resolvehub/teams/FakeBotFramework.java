package io.resolvehub.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Bot Framework on loopback, playing every Microsoft side of a Teams bot:
 * <ul>
 *   <li>the OpenID metadata and JWKS behind {@code hub.teams.openid-metadata-url}, publishing a test RSA key
 *       (endorsed for {@code msteams}) that {@link #token} signs channel tokens with, shaped like Bot Framework's;</li>
 *   <li>the Entra ID token endpoint ({@code /token/{tenant}/oauth2/v2.0/token}) for the bot's client credentials;</li>
 *   <li>the Bot Connector under {@link #serviceUrl()}, recording every reply and answering like Teams
 *       ({@code 201 {"id":…}}), or with a scripted failure.</li>
 * </ul>
 * One per JVM ({@link #shared()}): the SDK's OpenID metadata URL is a static setting.
 */
final class FakeBotFramework implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "test-kid";

    /** One request to the Bot Connector. */
    record ConnectorCall(String method, String path, String authorization, String body) {
    }

    /** One request to the token endpoint. */
    record TokenCall(String path, Map<String, String> form) {
    }

    /** A canned answer for the next Bot Connector call. */
    record Scripted(int status, Map<String, String> headers, String body) {
    }

    private static FakeBotFramework shared;

    private final HttpServer server;
    private final KeyPair key = rsa();
    private final KeyPair otherKey = rsa();
    private final List<ConnectorCall> connectorCalls = new CopyOnWriteArrayList<>();
    private final List<TokenCall> tokenCalls = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final Queue<Scripted> scriptedTokens = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong(1764411900000L);
    private volatile long tokenLifetimeSeconds = 3600;
    /** The tenant's directory as the member lookup ({@code GET …/members/{userId}}) shows it. */
    private static final Map<String, String> MEMBERS = Map.of(
            "29:1casey", member("29:1casey", "Casey Jensen", "c9b8a3e4-5f4d-4e0b-9c7a-2b1d3e4f5a6b", "casey@example.com"),
            "29:1morgan", member("29:1morgan", "Morgan Lee", "5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5061", "morgan@example.com"));

    static synchronized FakeBotFramework shared() {
        if (shared == null) {
            shared = new FakeBotFramework();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private FakeBotFramework() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/.well-known/openidconfiguration", this::openIdConfiguration);
        server.createContext("/v1/.well-known/keys", this::keys);
        server.createContext("/token/", this::token);
        server.createContext("/amer/", this::connector);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String openIdMetadataUrl() {
        return baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    /** The token endpoint for {@code tenant} ({@code botframework.com} for a multi-tenant app). */
    String tokenUrl(String tenant) {
        return baseUrl() + "/token/" + tenant + "/oauth2/v2.0/token";
    }

    /** The Bot Connector as Teams names it in activities: ends with a slash. */
    String serviceUrl() {
        return baseUrl() + "/amer/";
    }

    /** A Bot Framework channel token as Teams sends it: {@code Bearer <jwt>}. */
    String token(String audience, String serviceUrl) {
        return token(audience, serviceUrl, ISSUER, Instant.now().plusSeconds(3600), false);
    }

    /**
     * @param signedByUnknownKey sign with a key the JWKS does not publish (same kid)
     */
    String token(String audience, String serviceUrl, String issuer, Instant expiresAt, boolean signedByUnknownKey) {
        KeyPair signer = signedByUnknownKey ? otherKey : key;
        return "Bearer " + JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(java.util.Date.from(expiresAt.minusSeconds(7200)))
                .withIssuedAt(java.util.Date.from(expiresAt.minusSeconds(7200)))
                .withExpiresAt(java.util.Date.from(expiresAt))
                .sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
    }

    List<ConnectorCall> connectorCalls() {
        return List.copyOf(connectorCalls);
    }

    /** Replies and sends (POSTs) whose decoded path starts with {@code prefix}. */
    List<ConnectorCall> posts(String pathPrefix) {
        return connectorCalls.stream().filter(c -> c.method().equals("POST") && c.path().startsWith(pathPrefix)).toList();
    }

    List<TokenCall> tokenCalls() {
        return List.copyOf(tokenCalls);
    }

    void scriptNext(int status, Map<String, String> headers, String body) {
        scripted.add(new Scripted(status, headers, body));
    }

    void scriptNextToken(int status, String body) {
        scriptedTokens.add(new Scripted(status, Map.of(), body));
    }

    void tokenLifetimeSeconds(long seconds) {
        tokenLifetimeSeconds = seconds;
    }

    void reset() {
        connectorCalls.clear();
        tokenCalls.clear();
        scripted.clear();
        scriptedTokens.clear();
        tokenLifetimeSeconds = 3600;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void openIdConfiguration(HttpExchange exchange) throws IOException {
        respond(exchange, 200, Map.of(), """
                {"issuer":"%s","authorization_endpoint":"https://invalid.botframework.com",
                 "jwks_uri":"%s/v1/.well-known/keys","id_token_signing_alg_values_supported":["RS256"],
                 "token_endpoint_auth_methods_supported":["private_key_jwt"]}""".formatted(ISSUER, baseUrl()));
    }

    private void keys(HttpExchange exchange) throws IOException {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        respond(exchange, 200, Map.of(), """
                {"keys":[{"kty":"RSA","use":"sig","kid":"%s","x5t":"%s","n":"%s","e":"%s","endorsements":["msteams","webchat"]}]}"""
                .formatted(KEY_ID, KEY_ID, base64Url(pub.getModulus()), base64Url(pub.getPublicExponent())));
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        tokenCalls.add(new TokenCall(exchange.getRequestURI().getPath(), form));
        Scripted next = scriptedTokens.poll();
        if (next != null) {
            respond(exchange, next.status(), next.headers(), next.body());
            return;
        }
        respond(exchange, 200, Map.of(), """
                {"token_type":"Bearer","expires_in":%d,"ext_expires_in":%d,"access_token":"fake-outbound-token-%d"}"""
                .formatted(tokenLifetimeSeconds, tokenLifetimeSeconds, tokenCalls.size()));
    }

    private void connector(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        connectorCalls.add(new ConnectorCall(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Scripted next = scripted.poll();
        if (next != null) {
            respond(exchange, next.status(), next.headers(), next.body());
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && path.contains("/members/")) {
            String member = MEMBERS.get(path.substring(path.lastIndexOf("/members/") + "/members/".length()));
            respond(exchange, member == null ? 404 : 200, Map.of(), member == null
                    ? "{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"Member not found\"}}" : member);
            return;
        }
        respond(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, Map.of(),
                "{\"id\":\"" + ids.incrementAndGet() + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static String member(String id, String name, String aadObjectId, String email) {
        return """
                {"id":"%s","name":"%s","aadObjectId":"%s","email":"%s","userPrincipalName":"%s",
                 "tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","userRole":"user"}""".formatted(id, name, aadObjectId, email, email);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned big-endian, as JWK wants
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
