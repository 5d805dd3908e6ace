package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.slaves.EnvironmentVariablesNodeProperty;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jvnet.hudson.test.JenkinsRule;

/** What tests of the plugin share: a build environment outside any cluster, Groovy literals that hold any path. */
final class JenkinsTestSupport {

    private JenkinsTestSupport() {
    }

    /**
     * Builds of {@code j} run as outside any cluster, wherever the test itself runs: Jenkins' own CI runs tests in
     * Kubernetes pods, whose every process has {@code KUBERNETES_SERVICE_HOST} and a mounted service account token,
     * which the credential boundary would report. Tests of the boundary give it what to find themselves.
     *
     * @param empty an empty folder to stand for the service account folder
     */
    static void outsideAnyCluster(JenkinsRule j, Path empty) throws IOException {
        System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, Files.createDirectories(empty).toString());
        j.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry("KUBERNETES_SERVICE_HOST", ""),
                new EnvironmentVariablesNodeProperty.Entry("KUBERNETES_PORT", "")));
    }

    /** {@code text} as a single-quoted Groovy string: a Windows path's backslashes and any quote kept as they are. */
    static String groovy(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
