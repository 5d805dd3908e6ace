package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.Launcher;
import hudson.Proc;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A build's launcher as a decorator such as {@code container()} makes it: it records what the plugin starts through it
 * (arguments, masks, environment, folder) and starts it itself, here, in the environment it was given and with the
 * program looked up on that environment's {@code PATH}, as the decorated launcher does inside the container.
 * Whatever the plugin starts some other way is not recorded.
 */
final class RecordingLauncher {

    /** One program started. */
    static final class Launch {
        List<String> argv = List.of();
        boolean[] masks;
        Map<String, String> envs = Map.of();
        String pwd;
    }

    private final List<Launch> launches = new ArrayList<>();
    private final Launcher launcher = mock(Launcher.class);
    private Consumer<Launch> whileRunning = launch -> { };

    @SuppressWarnings("unchecked")
    RecordingLauncher() {
        when(launcher.launch()).thenAnswer(call -> {
            Launch launch = new Launch();
            Launcher.ProcStarter starter = mock(Launcher.ProcStarter.class, RETURNS_SELF);
            when(starter.cmds(any(List.class))).thenAnswer(c -> {
                launch.argv = List.copyOf(c.getArgument(0));
                return starter;
            });
            when(starter.masks(any(boolean[].class))).thenAnswer(c -> {
                launch.masks = (boolean[]) c.getRawArguments()[0];
                return starter;
            });
            when(starter.envs(any(Map.class))).thenAnswer(c -> {
                launch.envs = new LinkedHashMap<>(c.<Map<String, String>>getArgument(0));
                return starter;
            });
            when(starter.pwd(any(String.class))).thenAnswer(c -> {
                launch.pwd = c.getArgument(0);
                return starter;
            });
            when(starter.start()).thenAnswer(c -> start(launch));
            return starter;
        });
    }

    /** The launcher to hand the plugin. */
    Launcher launcher() {
        return launcher;
    }

    /** What was started through it, in order. */
    List<Launch> launches() {
        return launches;
    }

    /** Something to check while each program runs (such as the files it is given). */
    void whileRunning(Consumer<Launch> check) {
        this.whileRunning = check;
    }

    private Proc start(Launch launch) throws IOException {
        launches.add(launch);
        // As container() runs a command: in another environment, through a program that looks the command up on the
        // PATH it was given (a shell there; env here), not on the PATH this JVM started with.
        List<String> decorated = new ArrayList<>(List.of("env", "--"));
        decorated.addAll(launch.argv);
        ProcessBuilder builder = new ProcessBuilder(decorated).redirectErrorStream(true);
        builder.environment().putAll(launch.envs);
        if (launch.pwd != null) {
            builder.directory(new File(launch.pwd));
        }
        Process process = builder.start();
        whileRunning.accept(launch);
        Proc proc = mock(Proc.class);
        try {
            when(proc.getStdout()).thenReturn(process.getInputStream());
            when(proc.join()).thenAnswer(c -> process.waitFor());
            when(proc.isAlive()).thenAnswer(c -> process.isAlive());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return proc;
    }
}
