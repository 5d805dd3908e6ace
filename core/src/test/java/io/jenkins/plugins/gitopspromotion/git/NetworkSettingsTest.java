package io.jenkins.plugins.gitopspromotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.net.ProxySettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Network settings as a front end hands them to the machine that connects: plain data, compared by value. */
class NetworkSettingsTest {

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void everyPolicyCrossesToAnAgentUnchanged() throws Exception {
        ProxySettings proxy = ProxySettings.of("proxy.example.com", 3128).withCredentials("builder", "pw".toCharArray());
        for (HostKeyPolicy policy : List.of(HostKeyPolicy.usersKnownHosts(), HostKeyPolicy.knownHostsFile(Path.of("/etc/ssh/known")),
                HostKeyPolicy.approvedKeys("github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"),
                HostKeyPolicy.acceptNew(), HostKeyPolicy.off())) {
            NetworkSettings settings = NetworkSettings.of(policy, Optional.of(proxy));
            assertThat(roundTrip(settings)).isEqualTo(settings);
        }
    }

    @Test
    void theFolderIsPartOfThePolicy() {
        NetworkSettings settings = NetworkSettings.of(HostKeyPolicy.acceptNew(), Optional.empty());

        assertThat(settings.keptIn(Path.of("/var/cache/host-keys"))).isNotEqualTo(settings)
                .isEqualTo(NetworkSettings.of(HostKeyPolicy.acceptNew().keptIn(Path.of("/var/cache/host-keys")), Optional.empty()));
        assertThat(settings.keptIn(Path.of("/var/cache/host-keys")).hostKeys())
                .hasToString("host keys accepted on first connection, recorded in /var/cache/host-keys/known_hosts");
        assertThat(NetworkSettings.defaults().proxy()).isEmpty();
        assertThat(NetworkSettings.defaults().hostKeys()).isEqualTo(HostKeyPolicy.usersKnownHosts());
    }
}
