package io.jenkins.plugins.gitopspromotion.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from a docker config file or a password, and the temporary auth file builders read. */
class RegistryAuthTest {

    @Test
    void readsTheEntryForTheRegistryFromADockerConfigFile(@TempDir Path dir) throws Exception {
        String auth = Base64.getEncoder().encodeToString("robot:pa:ss".getBytes());
        Path config = Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"https://registry.example.com:5000/v1/\":{\"auth\":\""
                + auth + "\"},\"other.example.com\":{\"username\":\"u2\",\"password\":\"p2\"},\"broken.example.com\":{\"auth\":\"!!\"}}}");
        RegistryAuth file = RegistryAuth.configFile(config);

        assertThat(file.credentialFor("registry.example.com:5000")).hasValueSatisfying(c -> {
            assertThat(c.username()).isEqualTo("robot");
            assertThat(new String(c.password())).isEqualTo("pa:ss");
        });
        assertThat(file.credentialFor("OTHER.example.com")).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("u2"));
        assertThat(file.credentialFor("unknown.example.com")).isEmpty();
        assertThatThrownBy(() -> file.credentialFor("broken.example.com"))
                .hasMessageEndingWith("has an entry for broken.example.com without a usable \"auth\" (base64 of user:password)");
        assertThatThrownBy(() -> RegistryAuth.configFile(dir.resolve("missing.json")))
                .hasMessageEndingWith("missing.json is not a readable file");
    }

    @Test
    void writesAnOwnerOnlyConfigThatClosingTheBuildsFolderRemoves(@TempDir Path dir) throws Exception {
        RegistryCredential credential = new RegistryCredential("robot", "t0ken".toCharArray());
        ScratchFolder folder = new LocalScratchSpace(dir).create();
        TemporaryAuthConfig config = TemporaryAuthConfig.write(RegistryAuth.password("Registry.Example.com", credential), folder);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.directory()))).isEqualTo("rwx------");
        assertThat(Files.readString(config.file())).isEqualTo("{\"auths\":{\"registry.example.com\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("robot:t0ken".getBytes()) + "\"}}}");
        Files.createDirectories(config.directory().resolve("buildx/instances"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path()))).isEqualTo("rwx------");
        folder.close();
        assertThat(config.directory()).doesNotExist();
        assertThat(folder.path()).doesNotExist();
        assertThat(credential.toString()).doesNotContain("t0ken");
        assertThat(RegistryAuth.password("r.example.com", credential).toString()).doesNotContain("t0ken");
    }
}
