package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.TestProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI behind a proxy that wants a login, reaching an HTTPS host through a tunnel as curl and git do: the
 * JDK's own default would leave Basic out of the tunnel and fail with a 407. A fresh JVM per run, since the JDK reads
 * the setting once.
 */
class ProxyTunnelIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));
    /**
     * Never resolved: the proxy checks the login before it connects, and that is all this test is about. Not on 443:
     * Java then leaves the port out of the Host header, and Jetty refuses a CONNECT whose Host differs from its target.
     */
    private static final String REPOSITORY = "https://git.invalid:8443/acme/config.git";

    @TempDir
    Path dir;

    @Test
    void theCliLogsInToTheProxyForAnHttpsTunnel() throws Exception {
        try (TestProxy proxy = TestProxy.startWithLogin()) {
            String output = promote(proxy, List.of());

            assertThat(proxy.requests()).as(output).contains("CONNECT git.invalid:8443");
            assertThat(proxy.requests().size()).as("a CONNECT let through with the login, after the first one's 407")
                    .isGreaterThan(proxy.refused().size());
            assertThat(output).doesNotContain(TestProxy.PASSWORD).doesNotContain("disabledSchemes");
        }
    }

    @Test
    void aUserWhoKeepsTheJdksDefaultIsToldWhatItNeeds() throws Exception {
        try (TestProxy proxy = TestProxy.startWithLogin()) {
            String output = promote(proxy, List.of("-D" + TunnelLogin.PROPERTY + "=Basic"));

            assertThat(proxy.refused()).as(output).isNotEmpty().isEqualTo(proxy.requests());
            assertThat(output).contains("-Djdk.http.auth.tunneling.disabledSchemes=\"\"").doesNotContain(TestProxy.PASSWORD);
        }
    }

    private String promote(TestProxy proxy, List<String> javaOptions) throws Exception {
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", JAR.toString(), "promote", "--repo", REPOSITORY, "--env", "dev", "--app", "web",
                "--tag", "1.0.0", "--cache-dir", dir.resolve("cache").toString(), "--boundary", "off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.equalsIgnoreCase("no_proxy"));
        builder.environment().put("https_proxy", "http://" + TestProxy.USER + ":" + TestProxy.PASSWORD + "@127.0.0.1:" + proxy.port());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(GitOpsPromotionCli.FAILED);
        return output;
    }
}
