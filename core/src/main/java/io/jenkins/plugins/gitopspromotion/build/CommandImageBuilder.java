package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a builder program through a {@link ProcessRunner}: the driver's commands in order, with registry
 * credentials in a {@link TemporaryAuthConfig} that is removed afterwards whatever happens, and the digest
 * read from the builder's digest file.
 */
public final class CommandImageBuilder implements ImageBuilder {

    private final BuilderDriver driver;
    private final ProcessRunner runner;

    /**
     * @param driver the builder's commands
     * @param runner where they run
     */
    public CommandImageBuilder(BuilderDriver driver, ProcessRunner runner) {
        this.driver = driver;
        this.runner = runner;
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
        Path work = PrivateFiles.directory(null, "image-build");
        Path digestFile = work.resolve("digest");
        Path certDirectory = request.caCertificate() == null ? null : work.resolve("certs");
        try (TemporaryAuthConfig auth = request.auth().isNone() ? null : TemporaryAuthConfig.write(request.auth(), work)) {
            if (certDirectory != null) {
                Files.createDirectory(certDirectory);
                Files.copy(request.caCertificate(), certDirectory.resolve("ca.crt"));
            }
            List<BuildStep> steps;
            try {
                steps = driver.steps(request, new BuildFiles(digestFile, auth, certDirectory));
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
            Digest digest = driver.readDigest(digestFile).orElseThrow(() -> new BuildException(BuildException.Reason.PUSH_FAILED,
                    driver.name() + " pushed to " + request.registry() + " but wrote no digest to its digest file", tail.lines(), null));
            return BuildResult.of(request.image().toString(), request.tags(), digest);
        } finally {
            if (certDirectory != null) {
                Files.deleteIfExists(certDirectory.resolve("ca.crt"));
                Files.deleteIfExists(certDirectory);
            }
            Files.deleteIfExists(digestFile);
            Files.deleteIfExists(work);
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
