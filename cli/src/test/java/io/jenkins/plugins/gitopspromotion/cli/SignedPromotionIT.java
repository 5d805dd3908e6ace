package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.testing.BareRepos;
import io.jenkins.plugins.gitopspromotion.testing.ConfigRepositoryFixture;
import io.jenkins.plugins.gitopspromotion.testing.GitVerifyCommit;
import io.jenkins.plugins.gitopspromotion.testing.GnupgHome;
import io.jenkins.plugins.gitopspromotion.testing.OpenPgpTestKeys;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.SshTestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed promotions from the packaged {@code gitops-promotion.jar} (Bouncy Castle shaded into it), with the key and
 * its passphrase handed over in environment variables as a CI system hands over secrets: nothing on the command
 * line, nothing written to disk, nothing printed.
 */
class SignedPromotionIT {

    private static final Path JAR = Path.of(System.getProperty("gitops.promotion.jar", "target/gitops-promotion.jar"));
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String AUTHOR = "--author=Promotion Bot <" + SshTestKeys.EMAIL + ">";

    @TempDir
    Path temp;

    private Programs.Result jar(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--boundary", "off")); // not about the boundary: the test machine's credentials must not matter
        return Programs.run(environment, command);
    }

    @Test
    void theJarSignsWithAProtectedOpenPgpKeyFromTheEnvironment() throws Exception {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(GnupgHome.gpgInstalled(), "gpg (Debian package gnupg)");
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        OpenPgpTestKeys.KeyPair key = OpenPgpTestKeys.ed25519(Optional.of(PASSPHRASE.toCharArray()));
        Path bare = temp.resolve("config.git");
        try (Repository remote = BareRepos.create(bare); GnupgHome gnupg = GnupgHome.create(temp.resolve("gnupg"))) {
            ConfigRepositoryFixture.seed(remote);
            gnupg.importKey(key.publicKey());
            Map<String, String> secrets = Map.of("SIGNING_KEY", key.secretKey(), "SIGNING_PASSPHRASE", PASSPHRASE);

            Programs.Result wrong = jar(Map.of("SIGNING_KEY", key.secretKey(), "SIGNING_PASSPHRASE", "Tr0ub4dor&3"), "promote",
                    "--repo", bare.toString(), "--cache-dir", temp.resolve("cache").toString(), "--env", "dev", "--app", "web",
                    "--tag", "1.1.0", "--sign-key-env", "SIGNING_KEY", "--sign-passphrase-env", "SIGNING_PASSPHRASE");
            Programs.Result promoted = jar(secrets, "promote", "--repo", bare.toString(), "--cache-dir", temp.resolve("cache").toString(),
                    "--env", "dev", "--app", "web", "--tag", "1.1.0", AUTHOR, "--sign-key-env", "SIGNING_KEY",
                    "--sign-passphrase-env", "SIGNING_PASSPHRASE");

            assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(GitOpsPromotionCli.USAGE);
            assertThat(wrong.output()).contains("--sign-key-env SIGNING_KEY: the passphrase of the OpenPGP signing key ")
                    .doesNotContain("Tr0ub4dor&3");
            assertThat(promoted.exitCode()).as(promoted.output()).isZero();
            List<String> keyLines = key.secretKey().lines().filter(line -> line.length() > 20 && !line.startsWith("-----")).toList();
            assertThat(promoted.output() + wrong.output()).doesNotContain(keyLines).doesNotContain(PASSPHRASE);
            String commit = BareRepos.head(remote, "main").name();
            Programs.Result verified = GitVerifyCommit.openPgp(bare, commit, gnupg);
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("Good signature from \"" + OpenPgpTestKeys.USER_ID + "\"");
        }
    }

    @Test
    void theJarSignsWithAProtectedSshKeyFromTheEnvironment() throws Exception {
        RealParts.require(GitVerifyCommit.gitInstalled(), "git");
        RealParts.require(SshTestKeys.sshKeygenInstalled(), "ssh-keygen (Debian package openssh-client)");
        assertThat(JAR).as("the shaded jar; build with mvn package").exists();
        SshTestKeys.KeyPair key = SshTestKeys.generate(temp.resolve("keys"), "ed25519", PASSPHRASE);
        Path allowed = SshTestKeys.allowedSigners(temp.resolve("allowed_signers"), key);
        Path bare = temp.resolve("config.git");
        try (Repository remote = BareRepos.create(bare)) {
            ConfigRepositoryFixture.seed(remote);

            Programs.Result promoted = jar(Map.of("SIGNING_KEY", key.privateKey(), "SIGNING_PASSPHRASE", PASSPHRASE), "promote",
                    "--repo", bare.toString(), "--cache-dir", temp.resolve("cache").toString(), "--env", "dev", "--app", "web",
                    "--tag", "1.1.0", AUTHOR, "--sign-key-env", "SIGNING_KEY", "--sign-passphrase-env", "SIGNING_PASSPHRASE");

            assertThat(promoted.exitCode()).as(promoted.output()).isZero();
            assertThat(promoted.output()).doesNotContain(PASSPHRASE);
            Programs.Result verified = GitVerifyCommit.ssh(bare, BareRepos.head(remote, "main").name(), allowed);
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("Good \"git\" signature for " + SshTestKeys.EMAIL);
        }
    }
}
