package io.resolvehub.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a user name out of the sign-in form for {@link #WINDOW} after {@link #MAX_FAILURES} wrong passwords within that
 * window, so a password cannot be guessed at the speed of the network. Counted per hub instance.
 */
@Component
public class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public boolean locked(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) return false;
        synchronized (recent) {
            prune(recent);
            return recent.size() >= MAX_FAILURES;
        }
    }

    void failed(String username) {
        if (username == null || username.isBlank()) return;
        Deque<Instant> recent = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    /** Sign-in succeeded: forget the failures, then go where the user was going (or the tenant chooser). */
    AuthenticationSuccessHandler onSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            succeeded(authentication.getName());
            proceed.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Sign-in failed: count it, and say on the form whether the user is now locked out. */
    AuthenticationFailureHandler onFailure() {
        return (request, response, exception) -> {
            failed(request.getParameter("username"));
            response.sendRedirect(exception instanceof LockedException ? "/login?locked" : "/login?error");
        };
    }

    /** An admin ends the user's lockout: its wrong passwords are forgotten. */
    public void unlock(String username) {
        failures.remove(key(username));
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private void prune(Deque<Instant> recent) {
        Instant since = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) recent.removeFirst();
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
