package io.jenkins.plugins.gitopspromotion.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the real programs signature tests check against ({@code git}, {@code gpg}, {@code ssh-keygen}). */
public final class Programs {

    private Programs() {
    }

    /** What a program printed (standard output and error together) and how it exited. */
    public record Result(int exitCode, String output) {
    }

    /** Whether {@code program} is on the PATH: looked up rather than run, so that a missing one is a quick skip. */
    public static boolean installed(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /**
     * Runs {@code command} with {@code environment} added to this process's, no input, and a time limit.
     *
     * @throws IOException if it cannot be started or does not finish within a minute (it is then killed)
     */
    public static Result run(Map<String, String> environment, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException(command.get(0) + " did not finish within a minute");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Runs {@code command} and fails unless it exits 0; returns what it printed. */
    public static String runOk(Map<String, String> environment, List<String> command) throws IOException {
        Result result = run(environment, command);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }
}
