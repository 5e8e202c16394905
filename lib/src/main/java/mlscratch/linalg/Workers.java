package mlscratch.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/// The threads under the parallel kernels: one helper per extra core, which after each job keeps looking
/// for the next one for [#SPIN_NANOS] before it parks.
///
/// Why not the common ForkJoinPool (`IntStream.parallel()`): waking a parked pool worker costs ≈ 50 µs on
/// the 2-core VM this project is measured on (two 100 µs tasks in parallel took 150 µs; four 50 µs tasks
/// the same), and a training step's matrix products take ≈ 100–200 µs each. OpenBLAS's threads spin
/// between calls for the same reason. A helper that is busy (another thread's product) is simply not used:
/// the caller runs the tasks nobody claimed, so a call never waits for a queue, only for tasks already running.
final class Workers {
    private Workers() {}

    /// How long a helper keeps spinning for the next job before it parks: longer than the gaps between
    /// the products of one training step, short enough that an idle session costs no CPU.
    static final long SPIN_NANOS = 200_000;

    static final int THREADS = Runtime.getRuntime().availableProcessors();

    /// `body(t)` for every t in `[0, tasks)`, spread over the calling thread and the idle helpers; returns
    /// when all have run. An exception from a task is rethrown here, after the others have finished.
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || THREADS == 1) {
            for (int t = 0; t < tasks; t++) body.accept(t);
            return;
        }
        Job job = new Job(tasks, body);
        for (Helper h : helpers()) h.offer(job);
        job.work();                                   // the caller claims tasks like any helper
        for (int spins = 0; job.done.get() < tasks; spins++) {   // only tasks a helper is running are left
            if (spins < 1 << 16) Thread.onSpinWait();
            else Thread.yield();                      // a helper descheduled mid-task: give it the core
        }
        if (job.failure instanceof RuntimeException e) throw e;
        if (job.failure instanceof Error e) throw e;
    }

    /// One parallel call: tasks are claimed from `next` by whoever comes first.
    private static final class Job {
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        volatile Throwable failure;

        Job(int tasks, IntConsumer body) { this.tasks = tasks; this.body = body; }

        void work() {
            for (int t; (t = next.getAndIncrement()) < tasks; ) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    private static volatile Helper[] helpers;

    private static Helper[] helpers() {
        Helper[] h = helpers;
        if (h != null) return h;
        synchronized (Workers.class) {
            if (helpers == null) {
                Helper[] fresh = new Helper[THREADS - 1];
                for (int i = 0; i < fresh.length; i++) {
                    fresh[i] = new Helper("mlscratch-linalg-" + (i + 1));
                    fresh[i].start();
                }
                helpers = fresh;
            }
            return helpers;
        }
    }

    private static final class Helper extends Thread {
        private final AtomicReference<Job> slot = new AtomicReference<>();
        private volatile boolean parked;

        Helper(String name) {
            super(name);
            setDaemon(true);
        }

        /// Hands `job` to this helper if it has none; wakes it if it parked.
        void offer(Job job) {
            if (!slot.compareAndSet(null, job)) return;   // busy with another caller's job
            if (parked) LockSupport.unpark(this);
        }

        @Override public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Job job = slot.get();
                if (job != null) {
                    job.work();
                    slot.set(null);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (slot.get() == null) LockSupport.park(this);   // offer() sets the slot before it reads `parked`
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
