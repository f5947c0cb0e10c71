package dev.aap.server.queue;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Database calls made from a run's thread, kept out of reach of the interrupt that cancels the run: an interrupted
 * virtual thread closes the socket it is reading, which would break the pooled connection and lose the event or
 * checkpoint being written. The call runs on a platform thread; the caller waits for it whatever happens.
 */
final class Shield {

    private static final ExecutorService DB = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "aap-db");
        t.setDaemon(true);
        return t;
    });

    private Shield() {
    }

    static <T> T call(Callable<T> call) {
        Future<T> f = DB.submit(call);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }
}
