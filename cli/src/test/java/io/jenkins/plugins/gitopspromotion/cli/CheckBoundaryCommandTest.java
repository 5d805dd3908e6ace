package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How check-boundary prints; the child-process runs against a planted environment are in CheckBoundaryIT. */
class CheckBoundaryCommandTest {

    @TempDir
    Path home;

    /** The boundary of {@code environment} with {@link #home}, the service account folder moved under it. */
    private CredentialBoundary boundary(Map<String, String> environment) {
        return withServiceAccountDir(home.resolve("sa"), () -> CredentialBoundary.of(environment, home));
    }

    private static <T> T withServiceAccountDir(Path dir, Supplier<T> body) {
        String before = System.getProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
        System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, dir.toString());
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
            } else {
                System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, before);
            }
        }
    }

    private static String print(CredentialBoundary boundary, boolean json, int expectedExit) {
        StringWriter out = new StringWriter();
        assertThat(CheckBoundaryCommand.print(new PrintWriter(out, true), boundary, json)).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void nothingFound() {
        CredentialBoundary clear = boundary(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(print(clear, false, GitOpsPromotionCli.OK)).isEqualTo("no cluster credentials within reach\n");
        assertThat(print(clear, true, GitOpsPromotionCli.OK)).isEqualTo("{\"findings\":[]}\n");
    }

    @Test
    void eachFindingWithItsRemedy() throws Exception {
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "token: planted-kube-secret");
        CredentialBoundary found = boundary(Map.of("AZURE_CLIENT_SECRET", "planted-azure-secret"));

        String text = print(found, false, GitOpsPromotionCli.REFUSED);
        assertThat(text).isEqualTo("cluster credentials within reach (2):\n"
                + "  kubeconfig: file " + home.toAbsolutePath().normalize().resolve(".kube/config") + "\n"
                + "    remedy: remove the file from the agent's home, or promote on a separate agent label whose home"
                + " holds no kubeconfig\n"
                + "  azure-credentials: environment variable AZURE_CLIENT_SECRET\n"
                + "    remedy: unset it in the agent's environment (end the withCredentials or withAWS block before the"
                + " promotion), or promote on a separate agent label without cloud credentials\n");
        String json = print(found, true, GitOpsPromotionCli.REFUSED);
        assertThat(json).startsWith("{\"findings\":[{\"kind\":\"kubeconfig\",\"where\":\"file ")
                .contains("{\"kind\":\"azure-credentials\",\"where\":\"environment variable AZURE_CLIENT_SECRET\"");
        assertThat(text + json).doesNotContain("planted-kube-secret").doesNotContain("planted-azure-secret");
    }

    @Test
    void listedInTheHelp() {
        CliRun help = CliRun.of("--help");
        CliRun own = CliRun.of("check-boundary", "--help");

        assertThat(help.out()).contains("check-boundary");
        assertThat(own.exitCode()).isZero();
        assertThat(own.out()).contains("--json").contains("never its value");
    }
}
