package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.gitopspromotion.build.BuildException;
import io.jenkins.plugins.gitopspromotion.build.BuildOrder;
import io.jenkins.plugins.gitopspromotion.build.BuilderKind;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The one way the build step and builder build an image: check the order and add the registry login on the
 * controller, then build. A builder program (buildah, podman, docker, kaniko) starts through the build's
 * {@link Launcher}, so {@code container()}, {@code withDockerContainer} and the build's environment apply, and its
 * private files sit in the workspace's temporary folder on the agent. Jib is Java, not a program: it builds in the
 * agent's JVM. Records the image on the build ({@link BuiltImageAction}: its page offers to promote it, later steps
 * read it from the environment) and hands back {@code [image, tags, digest, reference]}.
 */
final class ImageBuildRunner {

    private ImageBuildRunner() {
    }

    static Map<String, Object> build(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener,
            BuildOrder order, String credentialsId) throws IOException, InterruptedException {
        AccessCredentials credentials = JenkinsCredentials.registry(credentialsId, run);
        try {
            order.credentials(credentials).check();
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.ImageBuildRunner_BadInput(e.getMessage()));
        }
        listener.getLogger().println(Messages.ImageBuildRunner_Starting(order));
        String json = order.kind() == BuilderKind.JIB ? workspace.act(new BuildOnAgent(order, env, listener))
                : withLauncher(workspace, env, launcher, listener, order, credentials);
        Map<String, Object> result = PromotionRunner.toMap(json);
        run.addAction(BuiltImageAction.of(result, BuildSource.of(run, env).commit()));
        JobPromotionsActionFactory.promotedIn(run.getParent()); // the job's page offers to promote it from now on
        listener.getLogger().println(Messages.ImageBuildRunner_Outcome(result.get("reference") != null ? result.get("reference")
                : result.get("image") + " (" + Messages.ImageBuildRunner_NotPushed() + ")"));
        return result;
    }

    private static String withLauncher(FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener, BuildOrder order,
            AccessCredentials credentials) throws IOException, InterruptedException {
        FilePath temporary = WorkspaceList.tempDir(workspace);
        if (temporary == null) {
            throw new AbortException(Messages.ImageBuildRunner_NoTemporaryFolder(workspace.getRemote()));
        }
        Set<String> secrets = credentials.registryCredential().map(c -> Set.of(new String(c.password()))).orElse(Set.of());
        try {
            return order.run(Path.of(workspace.getRemote()), env, new LauncherProcessRunner(launcher, env, secrets),
                    new AgentScratchSpace(temporary), listener.getLogger()::println).toJson();
        } catch (BuildException | IllegalArgumentException e) {
            // The message names the builder, the registry and the builder's last lines, never a credential.
            throw new AbortException(e.getMessage());
        }
    }
}
