package io.resolvehub.agent.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Why a page could not be fetched, in words a person can act on: the JDK's HTTP client often throws a bare
 * {@code ConnectException} with no message, which is what a failed source used to show.
 */
final class FetchFailures {

    private FetchFailures() {
    }

    static String reason(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return "the host name does not resolve";
        }
        if (e instanceof HttpTimeoutException) {
            return "the site did not answer in time";
        }
        if (e instanceof ConnectException) {
            return "the site refused the connection or cannot be reached";
        }
        if (e instanceof SSLException) {
            return "the secure connection failed (" + (e.getMessage() == null ? "TLS error" : e.getMessage()) + ")";
        }
        return e.getMessage() == null ? "the connection failed (" + e.getClass().getSimpleName() + ")" : e.getMessage();
    }
}
