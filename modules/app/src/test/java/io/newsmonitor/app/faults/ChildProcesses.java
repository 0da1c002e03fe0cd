package io.newsmonitor.app.faults;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The child processes a fault test started: after the test, any still running is killed; when the test failed, each
 * live one's thread dump is written beside its log first, and the tail of each one's log is printed (JUnit tells
 * watchers after the after-each callbacks, so the list is kept until the next test), so that the failure can be
 * diagnosed from what every process said and was doing.
 */
final class ChildProcesses implements BeforeEachCallback, AfterEachCallback, TestWatcher {

    private static final int TAIL_LINES = 40;
    private static final List<RoleProcess> STARTED = new ArrayList<>();

    static synchronized RoleProcess register(RoleProcess process) {
        STARTED.add(process);
        return process;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (ChildProcesses.class) {
            STARTED.clear();
        }
    }

    /**
     * Kills what still runs; after a failure, first prints whether each process still ran and writes each live
     * process's thread dump beside its log.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            started().forEach(p -> System.out.println(p.status()));
            started().forEach(RoleProcess::dumpThreads);
        }
        started().forEach(RoleProcess::close);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        started().forEach(p -> System.out.println(p.tail(TAIL_LINES)));
    }

    private static synchronized List<RoleProcess> started() {
        return new ArrayList<>(STARTED);
    }
}
