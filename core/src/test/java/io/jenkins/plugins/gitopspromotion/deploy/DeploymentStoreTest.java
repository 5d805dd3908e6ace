package io.jenkins.plugins.gitopspromotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store of reports: kept across restarts, bounded, deduplicated, one writer per folder. */
class DeploymentStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path temp;

    static DeploymentReport report(String id, String name, String cluster, Signal signal, Instant at) {
        return new DeploymentReport(id, ReportSource.FLUX, "Kustomization", "flux-system", name, null, null, cluster,
                "731f7eaddfb6af01cb2173e18f0f75b0ba780ef1", signal, "said " + id, at.toString(), at.toString(), List.of());
    }

    @Test
    void reportsSurviveARestartAndAReplayAfterItIsStillRecognised() throws IOException {
        Path folder = temp.resolve("store");
        List<DeploymentReport> heard = new ArrayList<>();
        try (DeploymentStore store = DeploymentStore.open(folder)) {
            store.onAdded(heard::add);
            assertThat(store.add(report("a", "apps", "eu", Signal.DEPLOYED, T0))).isTrue();
            assertThat(store.add(report("b", "apps", "eu", Signal.HEALTHY, T0.plusSeconds(5)))).isTrue();
            assertThat(store.add(report("a", "apps", "eu", Signal.DEPLOYED, T0))).isFalse();
            assertThat(DeploymentStore.read(folder)).as("readable by another process while open").hasSize(2);
        }
        assertThat(heard).extracting(DeploymentReport::id).containsExactly("a", "b");
        try (DeploymentStore store = DeploymentStore.open(folder)) {
            assertThat(store.reports()).extracting(DeploymentReport::id, DeploymentReport::signal)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", Signal.DEPLOYED),
                            org.assertj.core.groups.Tuple.tuple("b", Signal.HEALTHY));
            assertThat(store.contains("a")).isTrue();
            assertThat(store.add(report("a", "apps", "eu", Signal.DEPLOYED, T0))).isFalse();
        }
    }

    @Test
    void aLineCutShortByACrashOrEditedByHandIsSkippedAndTheFileRepaired() throws IOException {
        Path folder = temp.resolve("store");
        try (DeploymentStore store = DeploymentStore.open(folder)) {
            store.add(report("a", "apps", "eu", Signal.HEALTHY, T0));
        }
        Files.writeString(folder.resolve("reports.jsonl"), "{\"id\":\"x\",\"source\":\"nowhere\"}\n{\"id\":\"b\",\"source\":\"flux\",\"kin",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (DeploymentStore store = DeploymentStore.open(folder)) {
            assertThat(store.reports()).extracting(DeploymentReport::id).containsExactly("a");
            store.add(report("c", "apps", "eu", Signal.HEALTHY, T0));
        }
        assertThat(Files.readAllLines(folder.resolve("reports.jsonl"))).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
    }

    @Test
    void itKeepsAtMostSoManyReportsPerObjectAndInAllTheOldestGoingFirst() throws IOException {
        Path folder = temp.resolve("store");
        int max = 100;
        int perObject = 20;
        try (DeploymentStore store = DeploymentStore.open(folder, max, perObject)) {
            for (int i = 0; i < perObject + 10; i++) {
                store.add(report("chatty-" + i, "apps", "eu", Signal.HEALTHY, T0.plusSeconds(i)));
            }
            store.add(report("quiet", "infra", "eu", Signal.HEALTHY, T0));
            assertThat(store.reports()).hasSize(perObject + 1);
            assertThat(store.reports().get(0).id()).isEqualTo("chatty-10");
            assertThat(store.contains("chatty-0")).as("a dropped report's id is still remembered").isTrue();
            assertThat(store.add(report("chatty-0", "apps", "eu", Signal.HEALTHY, T0))).isFalse();

            for (int i = 0; i < max; i++) {
                store.add(report("r" + i, "app-" + (i % 30), "c" + (i % 7), Signal.DEPLOYED, T0));
            }
            assertThat(store.reports()).hasSize(max);
            assertThat(store.reports().get(max - 1).id()).isEqualTo("r" + (max - 1));
            assertThat(store.contains("quiet")).isTrue();
            assertThat(store.reports()).extracting(DeploymentReport::id).doesNotContain("quiet");
        }
        assertThat(Files.readAllLines(folder.resolve("reports.jsonl")).size())
                .as("the file is compacted as reports are dropped").isLessThanOrEqualTo(max * 11 / 10 + 1);
        try (DeploymentStore again = DeploymentStore.open(folder, max, perObject)) {
            assertThat(again.reports()).hasSize(max);
        }
    }

    @Test
    void oneProcessWritesAFolderAtATime() throws IOException {
        Path folder = temp.resolve("store");
        try (DeploymentStore store = DeploymentStore.open(folder)) {
            assertThatThrownBy(() -> DeploymentStore.open(folder)).isInstanceOf(IOException.class)
                    .hasMessage("another process keeps the deployment reports in " + folder
                            + "; one process receives them per repository");
            store.add(report("a", "apps", "eu", Signal.HEALTHY, T0));
        }
        try (DeploymentStore again = DeploymentStore.open(folder)) {
            assertThat(again.reports()).hasSize(1);
        }
    }

    @Test
    void aFolderNeverWrittenHoldsNothing() throws IOException {
        assertThat(DeploymentStore.read(temp.resolve("nothing"))).isEmpty();
    }
}
