package io.mediawerk.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    @Test
    void capturesOutputAndExitCode() {
        ProcessResult result = ProcessRunner.run(
                List.of("sh", "-c", "printf 'hello'; printf 'oops' >&2; exit 3"), Duration.ofSeconds(10), 1024);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdoutText()).isEqualTo("hello");
        assertThat(result.stdoutTruncated()).isFalse();
        assertThat(result.stderrTail()).isEqualTo("oops");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void argumentsAreNeverInterpretedByAShell() {
        ProcessResult result =
                ProcessRunner.run(List.of("echo", "$(id) ; rm -rf / `x` 'q'"), Duration.ofSeconds(10), 1024);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdoutText()).isEqualTo("$(id) ; rm -rf / `x` 'q'\n");
    }

    @Test
    void timeoutKillsALongRunningChild() {
        AtomicReference<Process> started = new AtomicReference<>();

        ProcessResult result = ProcessRunner.run(List.of("sleep", "30"), Duration.ofMillis(500), 1024, started::set);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
        assertThat(started.get().isAlive()).isFalse();
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        List<ProcessHandle> tree = new ArrayList<>();

        ProcessResult result = ProcessRunner.run(
                List.of("sh", "-c", "sleep 30 & sleep 30 & wait"), Duration.ofMillis(1500), 1024, process -> {
                    tree.add(process.toHandle());
                    tree.addAll(waitForDescendants(process, 2));
                });

        assertThat(result.timedOut()).isTrue();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);
        for (ProcessHandle handle : tree) {
            handle.onExit().get(5, TimeUnit.SECONDS);
            assertThat(handle.isAlive()).as("process %d", handle.pid()).isFalse();
        }
    }

    @Test
    void cancelFromOutsideKillsTheTree() throws Exception {
        AtomicReference<Process> started = new AtomicReference<>();
        CompletableFuture<ProcessResult> running = CompletableFuture.supplyAsync(() ->
                ProcessRunner.run(List.of("sh", "-c", "sleep 30 & wait"), Duration.ofSeconds(30), 1024, started::set));
        while (started.get() == null) {
            Thread.sleep(20);
        }
        List<ProcessHandle> children = waitForDescendants(started.get(), 1);

        ProcessRunner.killTree(started.get());

        ProcessResult result = running.get(10, TimeUnit.SECONDS);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isNotZero();
        for (ProcessHandle child : children) {
            child.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void missingProgramSaysHowToInstallIt() {
        assertThatThrownBy(() -> ProcessRunner.run(List.of("ffprobe-not-here"), Duration.ofSeconds(5), 10))
                .isInstanceOf(ProgramUnavailableException.class)
                .hasMessage("ffprobe-not-here is not installed: install it or put it on the PATH");
        assertThatThrownBy(() ->
                        ProcessRunner.run(List.of("/nonexistent/bin/ffprobe", "-version"), Duration.ofSeconds(5), 10))
                .isInstanceOf(ProgramUnavailableException.class)
                .hasMessage("ffprobe is not installed: apt-get install -y ffmpeg");
    }

    @Test
    void bigOutputIsTruncatedWithoutHanging() {
        // 64 MiB on stdout and 1 MiB on stderr: both pipes must be drained while the program runs
        ProcessResult result = ProcessRunner.run(
                List.of("sh", "-c", "head -c 1048576 /dev/zero >&2; head -c 67108864 /dev/zero; echo end >&2"),
                Duration.ofSeconds(30),
                1000);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(1000);
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stderrTail()).endsWith("end\n").hasSizeLessThanOrEqualTo(ProcessRunner.STDERR_TAIL_BYTES);
    }

    @Test
    void outputOfExactlyTheLimitIsNotTruncated() {
        ProcessResult result = ProcessRunner.run(List.of("printf", "12345"), Duration.ofSeconds(10), 5);

        assertThat(result.stdoutText()).isEqualTo("12345");
        assertThat(result.stdoutTruncated()).isFalse();
    }

    private static List<ProcessHandle> waitForDescendants(Process process, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> found = process.descendants().toList();
        while (found.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = process.descendants().toList();
        }
        return found;
    }
}
