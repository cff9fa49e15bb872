package io.mediawerk.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs an external program from an argument list, never through a shell, within a time limit. When the time is up
 * the program and every process it started are killed.
 */
public final class ProcessRunner {

    static final int STDERR_TAIL_BYTES = 4096;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
    private static final Map<String, String> INSTALL_HINTS = Map.of(
            "ffprobe", "apt-get install -y ffmpeg",
            "ffmpeg", "apt-get install -y ffmpeg",
            "heif-enc", "apt-get install -y libheif-examples",
            "heif-convert", "apt-get install -y libheif-examples",
            "vips", "apt-get install -y libvips-tools",
            "tesseract", "apt-get install -y tesseract-ocr");

    private ProcessRunner() {}

    public static ProcessResult run(List<String> command, Duration timeout, long maxStdoutBytes) {
        return run(command, timeout, maxStdoutBytes, process -> {});
    }

    /**
     * Like {@link #run(List, Duration, long)}, handing the started process to {@code onStart} first so that the
     * caller can keep it and cancel it from another thread (see {@link #killTree(Process)}).
     *
     * @throws ProgramUnavailableException when the program is not installed or cannot be executed
     * @throws CancellationException when the calling thread is interrupted; the process tree is killed first
     */
    public static ProcessResult run(
            List<String> command, Duration timeout, long maxStdoutBytes, Consumer<Process> onStart) {
        return run(command, timeout, onStart, in -> OutputCollector.head(in, maxStdoutBytes));
    }

    /**
     * Like {@link #run(List, Duration, long, Consumer)}, handing each line of standard output to {@code stdoutLines}
     * as it comes instead of keeping it (the result's stdout is empty).
     */
    public static ProcessResult runStreaming(
            List<String> command, Duration timeout, Consumer<Process> onStart, Consumer<String> stdoutLines) {
        return run(command, timeout, onStart, in -> OutputCollector.lines(in, stdoutLines));
    }

    private static ProcessResult run(
            List<String> command,
            Duration timeout,
            Consumer<Process> onStart,
            Function<InputStream, OutputCollector> stdoutCollector) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Process process = start(command);
        String name = "process-" + process.pid();
        OutputCollector stdout = stdoutCollector.apply(process.getInputStream());
        OutputCollector stderr = OutputCollector.tail(process.getErrorStream(), STDERR_TAIL_BYTES);
        Thread stdoutThread = stdout.start(name + "-stdout");
        Thread stderrThread = stderr.start(name + "-stderr");
        boolean finished;
        try {
            onStart.accept(process);
            finished = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!finished) {
                killTree(process);
            }
            // output threads end when the pipes close; a background grandchild could keep them open, so wait
            // only a little, and never past the deadline plus that grace
            long outputDeadline = Math.max(deadline, System.nanoTime()) + OUTPUT_GRACE.toNanos();
            join(stdoutThread, outputDeadline);
            join(stderrThread, outputDeadline);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for " + command.get(0));
        } catch (RuntimeException e) {
            killTree(process);
            throw e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int exitCode = finished ? process.exitValue() : -1;
        return new ProcessResult(
                exitCode, stdout.headBytes(), stdout.truncated(), stderr.tailText(), !finished, elapsed);
    }

    /**
     * Kills the process and all its descendants (SIGKILL). The descendants are listed first, while they can still be
     * found from the parent, and killed right after it so that the parent cannot see them die and exit normally. Safe
     * to call from any thread, also after the process ended.
     */
    public static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process start(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("No program to run");
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw unavailable(command.get(0), e);
        }
        try {
            // the programs run here read files or URLs, never standard input
            process.getOutputStream().close();
        } catch (IOException e) {
            // the program may already be gone; its exit status will tell
        }
        return process;
    }

    private static ProgramUnavailableException unavailable(String program, IOException e) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=2,")) {
            String hint = INSTALL_HINTS.getOrDefault(name, "install it or put it on the PATH");
            return new ProgramUnavailableException(name + " is not installed: " + hint, e);
        }
        if (message.contains("error=13,")) {
            return new ProgramUnavailableException(name + " cannot be executed: permission denied", e);
        }
        return new ProgramUnavailableException(name + " could not be started: " + message, e);
    }

    private static void join(Thread thread, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
    }
}
