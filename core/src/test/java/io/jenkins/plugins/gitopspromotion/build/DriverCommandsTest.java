package io.jenkins.plugins.gitopspromotion.build;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact argument arrays and environments of podman, docker buildx and kaniko (no engine runs here). */
class DriverCommandsTest {

    private static final Path CONTEXT = Path.of("/work/src");
    private static final Path DIGEST = Path.of("/tmp/b/digest");

    private static BuildRequest request(boolean push, boolean insecure) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("VERSION", "1.2");
        args.put("EMPTY", "");
        return BuildRequest.of(CONTEXT, ImageReference.parseName("registry.example.com:5000/acme/web"), List.of("1.2", "latest"))
                .withFile(Path.of("/work/src/Containerfile")).withBuildArgs(args).withLabels(Map.of("team", "web"))
                .withPlatform("linux/arm64").withPush(push).withInsecureRegistry(insecure);
    }

    private static BuildFiles files(Path dir) throws Exception {
        RegistryAuth auth = RegistryAuth.password("registry.example.com:5000", new RegistryCredential("u", "p4ss".toCharArray()));
        return new BuildFiles(DIGEST, TemporaryAuthConfig.write(auth, new LocalScratchSpace(dir).create()), null);
    }

    @Test
    void podmanBuildsThenPushesEachTagWithADigestFile(@TempDir Path dir) throws Exception {
        BuildFiles files = files(dir);
        List<BuildStep> steps = ContainersDriver.podman(ContainerStorage.defaults()).steps(request(true, true), files);

        assertThat(steps).extracting(BuildStep::push).containsExactly(false, true, true);
        assertThat(steps.get(0).command().argv()).containsExactly("podman", "build", "--tls-verify=false",
                "--file", "/work/src/Containerfile", "--platform", "linux/arm64", "--build-arg", "VERSION=1.2", "--build-arg", "EMPTY=",
                "--label", "team=web", "--tag", "registry.example.com:5000/acme/web:1.2", "--tag", "registry.example.com:5000/acme/web:latest",
                "/work/src");
        assertThat(steps.get(2).command().argv()).containsExactly("podman", "push", "--tls-verify=false", "--digestfile", "/tmp/b/digest",
                "registry.example.com:5000/acme/web:latest", "docker://registry.example.com:5000/acme/web:latest");
        assertThat(steps).allSatisfy(s -> assertThat(s.command().environment())
                .containsExactly(Map.entry("REGISTRY_AUTH_FILE", files.auth().file().toString())));
        assertThat(steps.get(0).command().workingDirectory()).isEqualTo(CONTEXT);
    }

    @Test
    void buildahPutsStorageOptionsBeforeTheSubcommandAndBuildsOnlyWithoutPush(@TempDir Path dir) throws Exception {
        ContainerStorage storage = new ContainerStorage(Path.of("/s/root"), Path.of("/s/run"), "vfs", "chroot");
        List<BuildStep> steps = ContainersDriver.buildah(storage).steps(request(false, false), new BuildFiles(DIGEST, null, Path.of("/tmp/b/certs")));

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).command().argv()).startsWith("buildah", "--root", "/s/root", "--runroot", "/s/run",
                "--storage-driver", "vfs", "build", "--isolation", "chroot", "--cert-dir", "/tmp/b/certs", "--file")
                .doesNotContain("--tls-verify=false");
        assertThat(steps.get(0).command().environment()).isEmpty();
    }

    @Test
    void dockerBuildxWritesAMetadataFileAndPushes(@TempDir Path dir) throws Exception {
        BuildFiles files = files(dir);
        DockerBuildxDriver docker = new DockerBuildxDriver();

        assertThat(docker.steps(request(true, false), files)).singleElement().satisfies(step -> {
            assertThat(step.push()).isTrue();
            assertThat(step.command().argv()).containsExactly("docker", "buildx", "build", "--file", "/work/src/Containerfile",
                    "--platform", "linux/arm64", "--build-arg", "VERSION=1.2", "--build-arg", "EMPTY=", "--label", "team=web",
                    "--tag", "registry.example.com:5000/acme/web:1.2", "--tag", "registry.example.com:5000/acme/web:latest",
                    "--metadata-file", "/tmp/b/digest", "--push", "/work/src");
            assertThat(step.command().environment()).containsExactly(Map.entry("DOCKER_CONFIG", files.auth().directory().toString()));
        });
        assertThat(docker.steps(request(true, true), files).get(0).command().argv())
                .containsSequence("--output", "type=image,push=true,registry.insecure=true").doesNotContain("--push");
        assertThat(docker.steps(request(false, false), files).get(0).command().argv()).doesNotContain("--push", "--output");

        byte[] metadata = ("{\"buildx.build.ref\":\"x\",\"containerimage.digest\":"
                + "\"sha256:" + "a".repeat(64) + "\",\"image.name\":\"registry.example.com:5000/acme/web:1.2\"}").getBytes(UTF_8);
        assertThat(docker.readDigest(metadata)).hasValueSatisfying(d -> assertThat(d).hasToString("sha256:" + "a".repeat(64)));
        assertThat(docker.readDigest(new byte[0])).isEmpty();
        assertThatThrownBy(() -> docker.steps(request(true, false).withCaCertificate(Path.of("/certs/ca.pem")), files))
                .hasMessageStartingWith("docker buildx trusts registry certificates configured in its builder");
    }

    @Test
    void kanikoTakesDestinationsAndADigestFile(@TempDir Path dir) throws Exception {
        BuildFiles files = files(dir);
        KanikoDriver kaniko = new KanikoDriver();

        assertThat(kaniko.steps(request(true, true), files)).singleElement().satisfies(step -> {
            assertThat(step.command().argv()).containsExactly("executor", "--context", "dir:///work/src",
                    "--dockerfile", "/work/src/Containerfile",
                    "--destination", "registry.example.com:5000/acme/web:1.2", "--destination", "registry.example.com:5000/acme/web:latest",
                    "--custom-platform", "linux/arm64", "--build-arg", "VERSION=1.2", "--build-arg", "EMPTY=", "--label", "team=web",
                    "--digest-file", "/tmp/b/digest", "--insecure", "--skip-tls-verify");
            assertThat(step.command().environment()).containsExactly(Map.entry("DOCKER_CONFIG", files.auth().directory().toString()));
        });
        assertThat(kaniko.steps(request(false, false), files).get(0).command().argv()).endsWith("--no-push");
        assertThat(kaniko.steps(request(true, false).withCaCertificate(Path.of("/certs/ca.pem")), files).get(0).command().argv())
                .endsWith("--digest-file", "/tmp/b/digest", "--registry-certificate", "registry.example.com:5000=/certs/ca.pem");

        byte[] digest = ("sha256:" + "b".repeat(64) + "\n").getBytes(UTF_8);
        assertThat(kaniko.readDigest(digest)).hasValueSatisfying(d -> assertThat(d).hasToString("sha256:" + "b".repeat(64)));
        assertThat(kaniko.readDigest(" \n".getBytes(UTF_8))).isEmpty();
        assertThatThrownBy(() -> kaniko.readDigest("not a digest".getBytes(UTF_8))).hasMessageStartingWith("kaniko wrote no valid digest to its digest file");
    }

    @Test
    void aMissingBuilderIsAClearErrorNamingIt() {
        assumeFalse(Programs.installed("executor"), "kaniko's executor is installed here");
        BuildRequest request = BuildRequest.of(CONTEXT, ImageReference.parseName("registry.example.com/acme/web"), List.of("1"));

        assertThatThrownBy(() -> BuilderKind.KANIKO.builder(new LocalProcessRunner(), LocalScratchSpace.temporary(), ContainerStorage.defaults())
                .build(request, l -> { }))
                .isInstanceOfSatisfying(BuildException.class, e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.BUILDER_MISSING))
                .hasMessageStartingWith("the kaniko builder is not installed or not on the PATH (cannot start 'executor'");
    }

    @Test
    void layersAndABaseImageAreForJibOnly() {
        BuildRequest request = BuildRequest.of(CONTEXT, ImageReference.parseName("registry.example.com/acme/web"), List.of("1"))
                .withLayers(List.of(Layer.parse("a:/a")), "scratch");
        assertThatThrownBy(() -> BuilderKind.PODMAN.builder(new LocalProcessRunner(), LocalScratchSpace.temporary(), ContainerStorage.defaults()).build(request, l -> { }))
                .hasMessage("podman builds from a Containerfile in the context; layers and a base image (--layer, --from) are for jib");
    }
}
