package io.jenkins.plugins.gitopspromotion.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One program to run: its argument array (never a shell line), the environment variables to add to the
 * runner's own, and the folder to run in. Holds no secret: credentials reach a builder only as a file path.
 *
 * @param argv the program and its arguments
 * @param environment variables added to (or replacing) the inherited environment
 * @param workingDirectory where to run, or null for the runner's default
 */
public record ProcessCommand(List<String> argv, Map<String, String> environment, Path workingDirectory) {

    /** Copies the lists; the program must be named. */
    public ProcessCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
    }

    /** The program, {@code argv[0]}. */
    public String program() {
        return argv.get(0);
    }
}
