package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Runs a program and streams what it prints, line by line. Kept this small so that the Jenkins plugin can run
 * builders on an agent through its {@code Launcher}; {@link LocalProcessRunner} runs them in this JVM's machine.
 */
public interface ProcessRunner {

    /**
     * Runs {@code command} to its end.
     *
     * @param command the argument array, added environment and working folder
     * @param output receives each line the program prints on its standard output or error
     * @return the program's exit code
     * @throws ProgramNotFoundException if the program cannot be started (not installed, not on the PATH)
     * @throws IOException if running it fails otherwise
     * @throws InterruptedException if interrupted while waiting (the program is then stopped)
     */
    int run(ProcessCommand command, Consumer<String> output) throws IOException, InterruptedException;
}
