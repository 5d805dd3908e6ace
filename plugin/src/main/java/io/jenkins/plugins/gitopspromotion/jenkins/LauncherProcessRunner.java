package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.Launcher;
import hudson.Proc;
import io.jenkins.plugins.gitopspromotion.build.ProcessCommand;
import io.jenkins.plugins.gitopspromotion.build.ProcessRunner;
import io.jenkins.plugins.gitopspromotion.build.ProgramNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Runs the engine's builder programs through a Jenkins {@link Launcher}: the argument array as given (never a
 * shell), the command line shown in the build log as Jenkins shows every command, and the output streamed back
 * line by line. Credentials never appear in the arguments: builders get them as a temporary auth file.
 */
final class LauncherProcessRunner implements ProcessRunner {

    private final Launcher launcher;

    LauncherProcessRunner(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public int run(ProcessCommand command, Consumer<String> output) throws IOException, InterruptedException {
        Launcher.ProcStarter starter = launcher.launch().cmds(command.argv()).envs(command.environment()).readStdout();
        if (command.workingDirectory() != null) {
            starter.pwd(command.workingDirectory().toFile());
        }
        Proc proc;
        try {
            proc = starter.start();
        } catch (IOException e) {
            throw new ProgramNotFoundException(command.program(), e);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(proc.getStdout(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.accept(line);
            }
            return proc.join();
        } finally {
            if (proc.isAlive()) {
                proc.kill();
            }
        }
    }
}
