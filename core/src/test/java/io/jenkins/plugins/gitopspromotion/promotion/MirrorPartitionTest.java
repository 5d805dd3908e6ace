package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorPartitionTest {

    @TempDir
    Path root;

    @Test
    void eachSetOfCredentialsHasAPartOfTheCacheNamedByAKeyedHash() throws Exception {
        AccessCredentials jobA = AccessCredentials.password("ci", "t0ken-of-job-a".toCharArray());
        AccessCredentials jobB = AccessCredentials.password("ci", "t0ken-of-job-b".toCharArray());

        Path a = MirrorPartition.of(root, jobA);

        assertThat(a.getParent()).isEqualTo(root);
        assertThat(a.getFileName().toString()).matches("credentials-[0-9a-f]{32}").doesNotContain("t0ken");
        assertThat(MirrorPartition.of(root, AccessCredentials.password("ci", "t0ken-of-job-a".toCharArray()))).isEqualTo(a);
        assertThat(MirrorPartition.of(root, jobB)).isNotEqualTo(a);
        assertThat(MirrorPartition.of(root, AccessCredentials.sshKey("KEY", null))).isNotEqualTo(a);
        assertThat(MirrorPartition.of(root, AccessCredentials.none())).isEqualTo(root);
        Path key = root.resolve(MirrorPartition.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.size(key)).isEqualTo(32);
    }

    @Test
    void anotherCachesKeyNamesTheSameCredentialsOtherwise(@TempDir Path other) throws Exception {
        AccessCredentials token = AccessCredentials.password("ci", "t0ken".toCharArray());
        assertThat(MirrorPartition.of(other, token).getFileName()).isNotEqualTo(MirrorPartition.of(root, token).getFileName());
    }
}
