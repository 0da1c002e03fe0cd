package io.newsmonitor.runtime;

import org.slf4j.LoggerFactory;

/**
 * What a role does when it stopped for good: the process exits with status 1 so that a supervisor restarts it,
 * rather than leaving a process alive that does nothing. Tests pass their own action instead.
 */
@FunctionalInterface
public interface Fatal {

    /** Called once, naming the role that stopped. */
    void stopped(String role);

    /** Exits the process with status 1, on a thread of its own so that the shutdown hooks stop the other roles. */
    static Fatal exitProcess() {
        return role -> {
            LoggerFactory.getLogger(Fatal.class)
                    .error("{}: stopped for good; exiting so that the process can be restarted", role);
            new Thread(() -> System.exit(1), "exit").start();
        };
    }
}
