package io.resolvehub.core.internal.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answering's lower priority is the operating system's, not Java's: read back from Linux's own record of the
 * thread ({@code /proc/thread-self/stat}), where the hub runs in production and in CI.
 */
class LowPriorityThreadsTest {

    @Test
    void aThreadOfTheFactoryRunsItsTaskTheGivenStepsBelowTheHub() throws InterruptedException {
        int before = niceOfCurrentThread();
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);
        Thread thread = LowPriorityThreads.of(Thread.ofPlatform().factory(), 7)
                .newThread(() -> during.set(niceOfCurrentThread()));
        thread.start();
        thread.join();

        assertThat(during.get()).isEqualTo(Math.min(19, NiceValue.ofProcess() + 7));
        assertThat(niceOfCurrentThread()).as("only the new thread is lowered").isEqualTo(before);
    }

    /** An answer-engine thread is started by a worker that is already lowered, and inherits its value. */
    @Test
    void aThreadStartedByALoweredThreadIsLoweredOnceNotTwice() throws InterruptedException {
        ThreadFactory lowered = LowPriorityThreads.of(Thread.ofPlatform().factory(), 3);
        AtomicInteger inner = new AtomicInteger(Integer.MIN_VALUE);
        Thread outer = lowered.newThread(() -> {
            Thread started = lowered.newThread(() -> inner.set(niceOfCurrentThread()));
            started.start();
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        outer.start();
        outer.join();

        assertThat(inner.get()).isEqualTo(Math.min(19, NiceValue.ofProcess() + 3));
    }

    @Test
    void theLowestPriorityIsTheFloor() throws InterruptedException {
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            lowered.set(LowPriorityThreads.lowerCurrentThread(19) && LowPriorityThreads.lowerCurrentThread(19));
            during.set(niceOfCurrentThread());
        });
        thread.join();

        assertThat(lowered.get()).isTrue();
        // counted from the hub's own priority (a hub started with nice -5 lowers to 14), never past Linux's 19
        assertThat(during.get()).isEqualTo(Math.min(19, NiceValue.ofProcess() + 19));
    }

    @Test
    void noStepsIsTheFactoryItself() {
        ThreadFactory factory = Thread.ofPlatform().factory();
        assertThat(LowPriorityThreads.of(factory, 0)).isSameAs(factory);
    }

    @Test
    void stepsOutsideLinuxsRangeAreRefused() {
        assertThatThrownBy(() -> LowPriorityThreads.of(Thread.ofPlatform().factory(), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 19");
        assertThatThrownBy(() -> LowPriorityThreads.of(Thread.ofPlatform().factory(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A virtual thread's carrier also runs the web server's requests: lowering it would slow them down too. */
    @Test
    void aVirtualThreadIsNeverLowered() throws InterruptedException {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                LowPriorityThreads.lowerCurrentThread(5);
            } catch (Throwable e) {
                refused.set(e);
            }
        }).join();

        assertThat(refused.get()).isInstanceOf(IllegalStateException.class);
    }

    private static int niceOfCurrentThread() {
        return NiceValue.ofCurrentThread();
    }
}
