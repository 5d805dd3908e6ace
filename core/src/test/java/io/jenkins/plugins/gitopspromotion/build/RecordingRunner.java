package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real {@link LocalProcessRunner}, recording each command and, while it runs, the auth file it is pointed
 * at and that file's permissions, so tests can check them during the build and that the file is gone after.
 */
final class RecordingRunner implements ProcessRunner {

    final List<ProcessCommand> commands = new ArrayList<>();
    final List<Path> authFiles = new ArrayList<>();
    final List<String> authPermissions = new ArrayList<>();
    final List<String> output = new ArrayList<>();
    private final LocalProcessRunner local = new LocalProcessRunner();

    @Override
    public int run(ProcessCommand command, Consumer<String> lines) throws IOException, InterruptedException {
        commands.add(command);
        String auth = command.environment().get("REGISTRY_AUTH_FILE");
        if (auth == null && command.environment().containsKey("DOCKER_CONFIG")) {
            auth = command.environment().get("DOCKER_CONFIG") + "/config.json";
        }
        if (auth != null) {
            Path file = Path.of(auth);
            authFiles.add(file);
            authPermissions.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                    + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        }
        return local.run(command, line -> {
            output.add(line);
            lines.accept(line);
        });
    }
}
