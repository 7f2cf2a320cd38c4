package io.resolvehub.core.internal.support;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads that run at a lower operating-system priority than the rest of the hub: the answering (workers and the
 * answer engine's calls), so that the acknowledgements on the web server's threads get a core first.
 *
 * <p>Java's {@link Thread#setPriority} does not reach Linux's scheduler without root. Linux keeps a nice value per
 * thread, and any thread may lower its own priority (raise its nice value) without privileges, with
 * {@code setpriority(PRIO_PROCESS, 0, nice)}: {@code who = 0} is the calling thread. The scheduler then gives a thread
 * 10 steps nicer about a tenth of the CPU the others get while they want it, and lets a woken one pre-empt it; when
 * nothing else wants the CPU the low-priority thread still gets all of it. The steps count from the hub's own priority
 * (a hub started with {@code nice -n 5} runs its answering at 15), up to 19. On other systems, or when native
 * access is not allowed, the threads keep the hub's priority (logged once).
 */
public final class LowPriorityThreads {

    private static final Logger log = LoggerFactory.getLogger(LowPriorityThreads.class);
    /** {@code PRIO_PROCESS} of {@code <sys/resource.h>}. */
    private static final int PRIO_PROCESS = 0;
    private static final AtomicBoolean warned = new AtomicBoolean();
    private static final CLibrary LIBC = libc();

    /** The two C library calls, through JNA (the hub builds for Java 21, before the foreign-function API). */
    interface CLibrary extends Library {
        int getpriority(int which, int who) throws LastErrorException;

        int setpriority(int which, int who, int prio) throws LastErrorException;
    }

    private LowPriorityThreads() {
    }

    /**
     * Threads of {@code factory} that lower their own priority by {@code steps} (0–19) before they run their task;
     * {@code steps = 0} returns {@code factory} itself.
     */
    public static ThreadFactory of(ThreadFactory factory, int steps) {
        check(steps);
        if (steps == 0) {
            return factory;
        }
        return task -> factory.newThread(() -> {
            lowerCurrentThread(steps);
            task.run();
        });
    }

    /**
     * Lowers the calling platform thread's priority to {@code steps} below the hub's (never raises it: a thread already
     * that low stays); false where that is not possible.
     */
    public static boolean lowerCurrentThread(int steps) {
        check(steps);
        if (Thread.currentThread().isVirtual()) {
            // a virtual thread's carrier is shared with the web server's requests: never lower it
            throw new IllegalStateException("only a platform thread may lower its priority");
        }
        if (LIBC == null) {
            return false;
        }
        try {
            // counted from the hub's own priority (its main thread's, whose id is the process id), not the calling
            // thread's: an answer-engine thread started by a lowered worker inherits the worker's value
            int hub = LIBC.getpriority(PRIO_PROCESS, (int) ProcessHandle.current().pid());
            int target = Math.min(19, hub + steps);
            if (LIBC.getpriority(PRIO_PROCESS, 0) < target) {
                LIBC.setpriority(PRIO_PROCESS, 0, target);
            }
            return true;
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            warnOnce(e.toString());
            return false;
        }
    }

    private static void check(int steps) {
        if (steps < 0 || steps > 19) {
            throw new IllegalArgumentException("a thread's priority is lowered by 0 to 19 nice steps, not " + steps);
        }
    }

    private static CLibrary libc() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            return Native.load("c", CLibrary.class);
        } catch (RuntimeException | LinkageError e) {
            // e.g. no native access: the hub works, only without the lower priority
            warnOnce(e.toString());
            return null;
        }
    }

    private static void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            log.warn("Answering threads keep the hub's priority ({}): acknowledgements may wait behind answers", why);
        }
    }
}
