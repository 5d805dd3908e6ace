package io.jenkins.plugins.gitopspromotion.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Runs programs on this machine with {@link ProcessBuilder}: the argument array as given, never a shell. */
public final class LocalProcessRunner implements ProcessRunner {

    @Override
    public int run(ProcessCommand command, Consumer<String> output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
        builder.environment().putAll(command.environment());
        if (command.workingDirectory() != null) {
            builder.directory(command.workingDirectory().toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProgramNotFoundException(command.program(), e);
        }
        try {
            process.getOutputStream().close();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.accept(line);
                }
            }
            return process.waitFor();
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
