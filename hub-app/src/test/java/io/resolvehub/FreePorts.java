package io.resolvehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port for a server that a test starts later (a hub process, a restarted PostgreSQL). Taken below the
 * kernel's ephemeral range (32768–60999 on Linux): a port the kernel handed out with {@code new ServerSocket(0)} is free
 * again once probed, and while the server takes seconds to start, any outgoing connection on the machine may be given
 * it ("Port … was already in use" under load). Ports below the range are only ever taken by someone binding them.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int BELOW_EPHEMERAL = 32_768;

    private FreePorts() {
    }

    public static int forALaterServer() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            try (ServerSocket probe = new ServerSocket(port)) {
                probe.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + LOWEST + " and " + BELOW_EPHEMERAL));
    }
}
