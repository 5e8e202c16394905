package mlscratch.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/// The helper threads under the parallel kernels: every task runs exactly once, whoever calls and however
/// many call at once; a task's exception reaches the caller; an idle helper parks instead of spinning.
class WorkersTest {

    @Test void everyTaskRunsExactlyOnce() {
        for (int tasks : new int[] {0, 1, 2, 3, 7, 64}) {
            for (int round = 0; round < 500; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                Workers.run(tasks, runs::incrementAndGet);
                for (int t = 0; t < tasks; t++)
                    assertEquals(1, runs.get(t), "task " + t + " of " + tasks + " in round " + round);
            }
        }
    }

    @Test void returnsOnlyWhenEveryTaskHasFinished() {
        for (int round = 0; round < 200; round++) {
            double[] out = new double[8];
            Workers.run(8, t -> {
                double s = 0;
                for (int i = 1; i <= 20_000; i++) s += 1.0 / i;   // long enough that the helper takes some
                out[t] = s;
            });
            for (int t = 0; t < 8; t++) assertTrue(out[t] > 10, "task " + t + " had not finished in round " + round);
        }
    }

    @Test void usesMoreThanOneThreadWhenThereAreCores() {
        if (Workers.THREADS < 2) return;
        var threads = ConcurrentHashMap.<Thread>newKeySet();
        for (int round = 0; round < 200 && threads.size() < 2; round++)
            Workers.run(4, t -> {
                threads.add(Thread.currentThread());
                long until = System.nanoTime() + 200_000;
                while (System.nanoTime() < until) Thread.onSpinWait();
            });
        assertTrue(threads.size() >= 2, "all tasks ran on " + threads);
    }

    @Test void concurrentCallersEachGetAllTheirTasksRun() throws Exception {
        int callers = 4, rounds = 300, tasks = 5;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                        Workers.run(tasks, runs::incrementAndGet);
                        for (int i = 0; i < tasks; i++)
                            if (runs.get(i) != 1) throw new AssertionError("task " + i + " ran " + runs.get(i) + " times");
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) t.join(60_000);
        assertEquals(List.of(), failures);
    }

    @Test void aTasksExceptionReachesTheCallerAfterTheOthersFinish() {
        AtomicIntegerArray runs = new AtomicIntegerArray(6);
        var e = assertThrows(IllegalStateException.class, () -> Workers.run(6, t -> {
            runs.incrementAndGet(t);
            if (t == 3) throw new IllegalStateException("task 3 failed");
        }));
        assertEquals("task 3 failed", e.getMessage());
        for (int t = 0; t < 6; t++) assertEquals(1, runs.get(t), "task " + t);
        AtomicIntegerArray again = new AtomicIntegerArray(4);   // the helpers still work afterwards
        Workers.run(4, again::incrementAndGet);
        for (int t = 0; t < 4; t++) assertEquals(1, again.get(t));
    }

    @Test void idleHelpersParkInsteadOfSpinning() throws InterruptedException {
        if (Workers.THREADS < 2) return;
        Workers.run(2, t -> {});
        Thread.sleep(50);                                    // ≫ SPIN_NANOS (0.2 ms)
        var helpers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("mlscratch-linalg-")).toList();
        assertEquals(Workers.THREADS - 1, helpers.size(), "helper threads: " + helpers);
        for (Thread h : helpers) {
            assertTrue(h.isDaemon(), h.getName() + " must not keep the JVM alive");
            assertEquals(Thread.State.WAITING, h.getState(), h.getName() + " should be parked after 50 ms idle");
        }
    }
}
