package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a builder program through a {@link ProcessRunner}: the driver's commands in order, with registry
 * credentials in a {@link TemporaryAuthConfig} in a private folder removed afterwards whatever happens, and the digest
 * read from the builder's digest file.
 */
public final class CommandImageBuilder implements ImageBuilder {

    /** The digest file's name in the build's folder. */
    private static final String DIGEST_FILE = "digest";

    private final BuilderDriver driver;
    private final ProcessRunner runner;
    private final ScratchSpace scratch;

    /**
     * @param driver the builder's commands
     * @param runner where they run
     * @param scratch where the build's private files go: the digest file, the registry login, the CA certificate
     */
    public CommandImageBuilder(BuilderDriver driver, ProcessRunner runner, ScratchSpace scratch) {
        this.driver = driver;
        this.runner = runner;
        this.scratch = scratch;
    }

    @Override
    public BuildResult build(BuildRequest request, Consumer<String> log) throws BuildException, IOException, InterruptedException {
        if (!request.layers().isEmpty() || request.from() != null) {
            throw new BuildException(BuildException.Reason.INVALID_REQUEST, driver.name()
                    + " builds from a Containerfile in the context; layers and a base image (--layer, --from) are for jib",
                    List.of(), null);
        }
        if (request.caCertificate() != null && !Files.isReadable(request.caCertificate())) {
            throw new BuildException(BuildException.Reason.INVALID_REQUEST, "the CA certificate " + request.caCertificate()
                    + " cannot be read", List.of(), null);
        }
        try (ScratchFolder work = scratch.create()) {
            TemporaryAuthConfig auth = request.auth().isNone() ? null : TemporaryAuthConfig.write(request.auth(), work);
            Path certDirectory = request.caCertificate() == null ? null
                    : work.createPrivateFile("certs/ca.crt", Files.readAllBytes(request.caCertificate())).getParent();
            List<BuildStep> steps;
            try {
                steps = driver.steps(request, new BuildFiles(work.path().resolve(DIGEST_FILE), auth, certDirectory));
            } catch (IllegalArgumentException e) {
                throw new BuildException(BuildException.Reason.INVALID_REQUEST, e.getMessage(), List.of(), null);
            }
            OutputTail tail = new OutputTail(log);
            for (BuildStep step : steps) {
                run(step, request, tail);
            }
            if (!request.push()) {
                return BuildResult.of(request.image().toString(), request.tags(), null);
            }
            Optional<byte[]> written = work.read(DIGEST_FILE);
            Optional<Digest> digest = written.isEmpty() ? Optional.empty() : driver.readDigest(written.get());
            return BuildResult.of(request.image().toString(), request.tags(), digest.orElseThrow(() -> new BuildException(
                    BuildException.Reason.PUSH_FAILED, driver.name() + " pushed to " + request.registry()
                    + " but wrote no digest to its digest file", tail.lines(), null)));
        }
    }

    private void run(BuildStep step, BuildRequest request, OutputTail tail) throws BuildException, IOException, InterruptedException {
        tail.clear();
        int exit;
        try {
            exit = runner.run(step.command(), tail);
        } catch (ProgramNotFoundException e) {
            throw new BuildException(BuildException.Reason.BUILDER_MISSING, "the " + driver.name() + " builder is not installed"
                    + " or not on the PATH (" + e.getMessage() + ")", List.of(), e);
        }
        if (exit == 0) {
            return;
        }
        List<String> lines = tail.lines();
        if (step.push() && PushFailures.unauthorized(lines)) {
            throw BuildException.pushRefused(driver.name(), request, " (exit " + exit + ")", lines);
        }
        if (step.push()) {
            throw new BuildException(BuildException.Reason.PUSH_FAILED, driver.name() + " failed to build or push " + request.image()
                    + " to the registry " + request.registry() + " (exit " + exit + ")", lines, null);
        }
        throw new BuildException(BuildException.Reason.BUILD_FAILED, driver.name() + " failed to build " + request.image()
                + " (exit " + exit + ")", lines, null);
    }
}
