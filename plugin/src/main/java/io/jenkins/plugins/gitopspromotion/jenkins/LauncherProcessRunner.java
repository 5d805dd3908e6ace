package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.Launcher;
import hudson.Proc;
import io.jenkins.plugins.gitopspromotion.build.ProcessCommand;
import io.jenkins.plugins.gitopspromotion.build.ProcessRunner;
import io.jenkins.plugins.gitopspromotion.build.ProgramNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the engine's builder programs through the build's own {@link Launcher}, so that whatever decorates it applies:
 * {@code container('buildah')} on a Kubernetes agent, {@code withDockerContainer}, {@code docker.image().inside}. The
 * program gets the build's environment ({@code withEnv}, tool {@code PATH+X}, {@code DOCKER_HOST}) with the
 * command's own variables on top, runs in the command's folder, and its argument array is passed as given (never a
 * shell) and shown in the build log as Jenkins shows every command, an argument holding a secret masked. Output
 * streams back line by line. Credentials reach builders only as files, so a masked argument is a second guard.
 */
final class LauncherProcessRunner implements ProcessRunner {

    private final Launcher launcher;
    private final Map<String, String> environment;
    private final Set<String> secrets;

    /**
     * @param launcher the build's launcher
     * @param environment the build's environment
     * @param secrets values never to show in the log
     */
    LauncherProcessRunner(Launcher launcher, Map<String, String> environment, Set<String> secrets) {
        this.launcher = launcher;
        this.environment = Map.copyOf(environment);
        this.secrets = Set.copyOf(secrets);
    }

    @Override
    public int run(ProcessCommand command, Consumer<String> output) throws IOException, InterruptedException {
        Map<String, String> envs = new HashMap<>(environment);
        envs.putAll(command.environment());
        Launcher.ProcStarter starter = launcher.launch().cmds(command.argv()).masks(masks(command.argv())).envs(envs).readStdout();
        if (command.workingDirectory() != null) {
            starter.pwd(command.workingDirectory().toString());
        }
        Proc proc;
        try {
            proc = starter.start();
        } catch (IOException e) {
            throw new ProgramNotFoundException(command.program(), e);
        }
        InputStream stdout = proc.getStdout();
        if (stdout == null) {
            // readStdout() asked for it; a launcher that still gives none leaves only the exit code to go by.
            output.accept("(" + command.program() + " gave no output to read)");
            return proc.join();
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
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

    /** Which arguments hold a secret. */
    private boolean[] masks(List<String> argv) {
        boolean[] masks = new boolean[argv.size()];
        for (int i = 0; i < masks.length; i++) {
            String argument = argv.get(i);
            masks[i] = secrets.stream().anyMatch(secret -> !secret.isEmpty() && argument.contains(secret));
        }
        return masks;
    }
}
