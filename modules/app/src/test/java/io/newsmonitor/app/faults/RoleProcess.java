package io.newsmonitor.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One newsmonitor command ({@code broker}, {@code poll}, {@code process}, {@code sink}) running as a child JVM on
 * the test's own classpath, its output in a log file of its own under {@code target/faults}, so that a failure can
 * be diagnosed from what each process said.
 */
final class RoleProcess implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "faults");
    private static final long EXIT_WAIT_SECONDS = 60;

    private final String name;
    private final Path log;
    private final Process process;

    private RoleProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code io.newsmonitor.app.Main} with these arguments; {@code name} names its log file. */
    static RoleProcess start(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.newsmonitor.app.Main"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + "-" + System.currentTimeMillis() + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return ChildProcesses.register(new RoleProcess(name, log, process));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** A role command ({@code poll}, {@code process}, {@code sink}) against a cluster. */
    static RoleProcess role(String name, String command, Path configDir, String bootstrapServers) {
        return start(name, command, "--config", configDir.toString(), "--bootstrap-servers", bootstrapServers);
    }

    /** {@code kill -9}: no shutdown hook runs, no transaction is finished, the group is not left. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the shutdown hooks close the role as Ctrl-C would. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    /** Whether the process has written this text to its log (a role logs its state changes: "sink: RUNNING"). */
    boolean logged(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the process's thread dump ({@code jcmd <pid> Thread.print}) to a file beside its log, so that a role that
     * hangs without a word (a stream thread waiting on a transaction or a changelog) can be diagnosed after the test.
     */
    void dumpThreads() {
        if (!process.isAlive()) {
            return;
        }
        Path dump = log.resolveSibling(log.getFileName().toString().replace(".log", "-threads.txt"));
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process jcmdProcess = new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!jcmdProcess.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                jcmdProcess.destroyForcibly();
            }
        } catch (IOException e) {
            System.out.println(name + ": no thread dump (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether it still runs, or how it ended (137: killed, by a test or the system), to print when a test fails before
     * the test's own clean-up kills what remains: a broker found dead here died on its own.
     */
    String status() {
        return name + " (pid " + process.pid() + "): " + (process.isAlive() ? "running"
                : "exited with " + process.exitValue());
    }

    /** The last lines the process wrote, to print when a test fails. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return name + " (" + log + "):\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines),
                    all.size()));
        } catch (IOException e) {
            return name + ": no log (" + e + ")";
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
