package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What a command that promotes does when cluster credentials are within reach. */
final class BoundaryOptions {

    @Option(names = "--boundary", defaultValue = "enforce", paramLabel = "MODE",
            description = "When cluster credentials are within reach: enforce (refuse, exit 3), warn, or off (default: ${DEFAULT-VALUE}).")
    String boundary;

    /** The mode named. */
    BoundaryMode mode(CommandSpec spec) {
        return BoundaryMode.fromOptionName(boundary).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--boundary " + boundary + ": use one of " + BoundaryMode.optionNames()));
    }
}
