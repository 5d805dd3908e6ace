package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-boundary} from the packaged jar, in a child process whose whole world is planted: an environment
 * of PATH alone, a temporary home, and a temporary service account folder. Each kind of credential is planted
 * in turn; its value must never reach the output.
 */
class CheckBoundaryIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));

    /** What every planted credential holds. */
    private static final String SECRET = "PLANTED-b0und4ry-s3cr3t-7c2e";

    @TempDir
    Path home;

    private Path serviceAccountDir;

    @BeforeEach
    void paths() {
        serviceAccountDir = home.resolve("sa");
    }

    /** What the child printed, and its exit code. */
    private record Run(int exitCode, String out, String err) {
        String both() {
            return out + err;
        }
    }

    private Run checkBoundary(Map<String, String> planted, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("check-boundary"));
        arguments.addAll(List.of(options));
        return gitopsPromotion(planted, arguments.toArray(String[]::new));
    }

    /** The jar run in a child process whose environment holds only PATH, HOME and what is planted. */
    private Run gitopsPromotion(Map<String, String> planted, String... arguments) throws Exception {
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dgitops.promotion.serviceAccountDir=" + serviceAccountDir,
                "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        if (path != null) {
            environment.put("PATH", path);
        }
        environment.put("HOME", home.toString());
        environment.putAll(planted);
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Run run = new Run(process.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
        assertThat(run.both()).as("a planted value never shows").doesNotContain(SECRET);
        return run;
    }

    private Path plant(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, SECRET + "\n");
        return file;
    }

    /** Exit 3, the finding's kind and where it is printed, and nothing else found. */
    private void refused(Run run, String kind, String where) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(run.out()).startsWith("cluster credentials within reach (1):\n")
                .contains("  " + kind + ": " + where + "\n")
                .contains("    remedy: ");
    }

    private String file(Path path) {
        return "file " + path.toAbsolutePath().normalize();
    }

    @Test
    void aScrubbedProcessIsClear() throws Exception {
        Run run = checkBoundary(Map.of());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).isEqualTo("no cluster credentials within reach\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void harmlessSettingsStayClear() throws Exception {
        Files.createDirectories(home.resolve(".kube"));
        Files.createDirectories(serviceAccountDir);
        Files.writeString(serviceAccountDir.resolve("namespace"), "ci");

        Run run = checkBoundary(Map.of("AWS_REGION", "eu-west-1", "KUBECONFIG", "", "GOOGLE_CLOUD_PROJECT", "acme"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).isEqualTo("no cluster credentials within reach\n");
    }

    @Test
    void anAwsSecretInTheEnvironment() throws Exception {
        refused(checkBoundary(Map.of("AWS_SECRET_ACCESS_KEY", SECRET)),
                "aws-credentials", "environment variable AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void kubeconfigNamingATemporaryFile() throws Exception {
        Path kubeconfig = plant(home.resolve("elsewhere").resolve("kubeconfig.yaml"));

        Run run = checkBoundary(Map.of("KUBECONFIG", kubeconfig.toString()));

        refused(run, "kubeconfig", "KUBECONFIG entry " + kubeconfig.toAbsolutePath().normalize() + " (file exists)");
        assertThat(run.out()).contains("unset KUBECONFIG");
    }

    @Test
    void aKubeconfigInTheHomeFolder() throws Exception {
        Path config = plant(home.resolve(".kube").resolve("config"));

        refused(checkBoundary(Map.of()), "kubeconfig", file(config));
    }

    @Test
    void aMountedServiceAccountToken() throws Exception {
        Path token = plant(serviceAccountDir.resolve("token"));

        Run run = checkBoundary(Map.of());

        refused(run, "service-account-token", file(token));
        assertThat(run.out()).contains("automountServiceAccountToken: false");
    }

    @Test
    void awsCredentialsInTheHomeFolder() throws Exception {
        Path credentials = plant(home.resolve(".aws").resolve("credentials"));

        refused(checkBoundary(Map.of()), "aws-credentials", file(credentials));
    }

    @Test
    void googleApplicationCredentials() throws Exception {
        Path key = plant(home.resolve("keys").resolve("service-account.json"));

        Run run = checkBoundary(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()));

        refused(run, "gcp-credentials", "environment variable GOOGLE_APPLICATION_CREDENTIALS (names an existing file)");
        assertThat(run.out()).as("the variable's value is not shown, even a path").doesNotContain(key.toString());
    }

    @Test
    void anAzureClientSecret() throws Exception {
        refused(checkBoundary(Map.of("AZURE_CLIENT_SECRET", SECRET)),
                "azure-credentials", "environment variable AZURE_CLIENT_SECRET");
    }

    @Test
    void inClusterVariablesAreNotedAndRefuseNothing() throws Exception {
        Run run = checkBoundary(Map.of("KUBERNETES_SERVICE_HOST", SECRET));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(GitOpsPromotionCli.OK);
        assertThat(run.out()).startsWith(CheckBoundaryCommand.CLEAR).contains("noted, refuses nothing (1):")
                .contains("in-cluster-environment: environment variable KUBERNETES_SERVICE_HOST").doesNotContain(SECRET);
    }

    @Test
    void jsonListsEveryFinding() throws Exception {
        Path token = plant(serviceAccountDir.resolve("token"));

        Run run = checkBoundary(Map.of("DIGITALOCEAN_ACCESS_TOKEN", SECRET), "--json");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(run.out()).startsWith("{\"findings\":[{\"kind\":\"service-account-token\",\"where\":\"file ")
                .contains("{\"kind\":\"digitalocean-credentials\",\"where\":\"environment variable DIGITALOCEAN_ACCESS_TOKEN\","
                        + "\"remedy\":\"")
                .endsWith("}]}\n");
        Files.delete(token);
        assertThat(checkBoundary(Map.of(), "--json").out()).isEqualTo("{\"findings\":[]}\n");
    }

    @Test
    void aPromotionIsRefusedWhileCredentialsAreWithinReachUnlessToldToWarn() throws Exception {
        Path bare = home.resolve("config.git");
        try (org.eclipse.jgit.lib.Repository remote = io.jenkins.plugins.gitopspromotion.testing.BareRepos.create(bare)) {
            io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture.seed(remote);
        }
        Map<String, String> planted = Map.of("AWS_SECRET_ACCESS_KEY", SECRET);
        String[] promote = {"promote", "--repo", bare.toString(), "--cache-dir", home.resolve("cache").toString(), "--env", "dev",
            "--app", "web", "--tag", "1.1.0", "--json"};

        Run refused = gitopsPromotion(planted, promote);
        assertThat(refused.exitCode()).as(refused.both()).isEqualTo(GitOpsPromotionCli.REFUSED);
        assertThat(refused.out()).contains("\"status\":\"refused\"")
                .contains("cluster credentials within reach of this process (aws-credentials: environment variable AWS_SECRET_ACCESS_KEY)");

        List<String> warn = new ArrayList<>(List.of(promote));
        warn.addAll(List.of("--boundary", "warn"));
        Run warned = gitopsPromotion(planted, warn.toArray(String[]::new));
        assertThat(warned.exitCode()).as(warned.both()).isZero();
        assertThat(warned.out()).contains("\"status\":\"promoted\"");
        assertThat(warned.err()).contains("warning: cluster credentials within reach: aws-credentials: environment variable"
                + " AWS_SECRET_ACCESS_KEY");

        Run clean = gitopsPromotion(Map.of(), promote);
        assertThat(clean.exitCode()).as(clean.both()).isZero();
        assertThat(clean.out()).contains("\"status\":\"unchanged\"");
    }
}
