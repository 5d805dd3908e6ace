package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialBoundaryTest {

    /** What every planted credential holds; it must never show in a finding. */
    private static final String SECRET = "s3cr3t-PLANTED-v4lue-9f1c";

    @TempDir
    Path home;

    @TempDir
    Path serviceAccountDir;

    private List<BoundaryFinding> findings(Map<String, String> environment) {
        CredentialBoundary boundary = CredentialBoundary.of(environment, home, serviceAccountDir);
        assertThat(boundary.toJson()).doesNotContain(SECRET);
        for (BoundaryFinding finding : boundary.findings()) {
            assertThat(finding.toString()).doesNotContain(SECRET);
        }
        return boundary.findings();
    }

    private Path plant(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, SECRET + "\n");
        return file;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    @Test
    void nothingWithinReach() {
        CredentialBoundary boundary = CredentialBoundary.of(Map.of(), home, serviceAccountDir);

        assertThat(boundary.findings()).isEmpty();
        assertThat(boundary.isClear()).isTrue();
        assertThat(boundary.toJson()).isEqualTo("{\"findings\":[]}");
    }

    @Test
    void whatIsNotACredentialIsNotFlagged() throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("HOME", home.toString());
        environment.put("KUBECONFIG", "");
        environment.put("AWS_ACCESS_KEY_ID", "  ");
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("AWS_DEFAULT_REGION", "eu-west-1");
        environment.put("AWS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt");
        environment.put("AZURE_CLIENT_ID", "11111111-2222-3333-4444-555555555555");
        environment.put("AZURE_TENANT_ID", "11111111-2222-3333-4444-555555555555");
        environment.put("ARM_SUBSCRIPTION_ID", "11111111-2222-3333-4444-555555555555");
        environment.put("GOOGLE_CLOUD_PROJECT", "acme");
        environment.put("CLOUDSDK_CORE_PROJECT", "acme");
        environment.put("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE", "/etc/ssl/certs/ca-certificates.crt");
        environment.put("KUBERNETES_SERVICE_PORT", "443");
        environment.put("JAVA_TOOL_OPTIONS", "-Xmx1g -Dgitops.promotion.serviceAccountDirectory=/x");
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(Files.createDirectories(home.resolve(".kube/cache/discovery")).resolve("servergroups.json"), "{}");
        Files.writeString(Files.createDirectories(home.resolve(".aws")).resolve("config"), "[default]\nregion = eu-west-1\n");
        Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(Files.createDirectories(home.resolve(".config/gcloud/configurations")).resolve("config_default"),
                "[core]\nproject = acme\n");
        Files.writeString(Files.createDirectories(home.resolve(".azure")).resolve("azureProfile.json"), "{}");
        Files.writeString(serviceAccountDir.resolve("namespace"), "ci");
        Files.writeString(serviceAccountDir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----");
        Files.createDirectories(serviceAccountDir.resolve("token-folder-not-a-token"));

        assertThat(findings(environment)).isEmpty();
    }

    @Test
    void eachKubeconfigPathIsReportedWithWhetherItExists(@TempDir Path elsewhere) throws IOException {
        Path present = plant(elsewhere, "present.yaml");
        Path missing = elsewhere.resolve("missing.yaml");
        Files.createDirectories(elsewhere.resolve("folder"));
        String value = String.join(java.io.File.pathSeparator, present.toString(), "", missing.toString(),
                elsewhere.resolve("folder").toString());

        List<BoundaryFinding> findings = findings(Map.of("KUBECONFIG", value));

        assertThat(findings).extracting(BoundaryFinding::where).containsExactly(
                "KUBECONFIG entry " + absolute(present) + " (file exists)",
                "KUBECONFIG entry " + absolute(missing) + " (no such file)",
                "KUBECONFIG entry " + absolute(elsewhere.resolve("folder")) + " (not a file)");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(BoundaryFinding.KUBECONFIG);
            assertThat(f.remedy()).contains("unset KUBECONFIG");
        });
    }

    @Test
    void aKubeconfigEntryThatIsNoPathIsNotQuoted() {
        List<BoundaryFinding> findings = findings(Map.of("KUBECONFIG", SECRET + "\0"));

        assertThat(findings).extracting(BoundaryFinding::where).containsExactly("KUBECONFIG entry 1 (not a valid path)");
    }

    @Test
    void theKubeconfigInTheHomeFolder() throws IOException {
        Path config = plant(home, ".kube/config");

        List<BoundaryFinding> findings = findings(Map.of());

        assertThat(findings).containsExactly(new BoundaryFinding(BoundaryFinding.KUBECONFIG, "file " + absolute(config),
                "remove the file from the agent's home, or promote on a separate agent label whose home holds no kubeconfig"));
    }

    @Test
    void aKubeconfigNamedTwiceIsReportedOnce() throws IOException {
        Path config = plant(home, ".kube/config");

        List<BoundaryFinding> findings = findings(Map.of("KUBECONFIG", config.toString(), "HOME", home.toString()));

        assertThat(findings).extracting(BoundaryFinding::where)
                .containsExactly("KUBECONFIG entry " + absolute(config) + " (file exists)");
    }

    @Test
    void theHomeVariableIsCheckedWhenItIsAnotherFolder(@TempDir Path otherHome) throws IOException {
        Path config = plant(otherHome, ".kube/config");
        Path credentials = plant(otherHome, ".aws/credentials");

        assertThat(findings(Map.of("HOME", otherHome.toString()))).extracting(BoundaryFinding::where)
                .containsExactly("file " + absolute(config), "file " + absolute(credentials));
        assertThat(CredentialBoundary.of(Map.of("HOME", otherHome.toString()), null, serviceAccountDir).findings())
                .as("without a home of its own").hasSize(2);
    }

    @Test
    void aMountedServiceAccountToken() throws IOException {
        // Kubernetes mounts the token as a link into a timestamped folder.
        Path data = plant(serviceAccountDir, "..2026_01_01_00_00_00.000000000/token");
        Files.createSymbolicLink(serviceAccountDir.resolve("token"), data);

        List<BoundaryFinding> findings = findings(Map.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(BoundaryFinding.SERVICE_ACCOUNT_TOKEN);
            assertThat(f.where()).isEqualTo("file " + absolute(serviceAccountDir.resolve("token")));
            assertThat(f.remedy()).contains("automountServiceAccountToken: false");
        });
    }

    @Test
    void theInClusterVariablesOfAPodWithoutATokenAreNotedAndRefuseNothing() {
        CredentialBoundary pod = CredentialBoundary.of(Map.of("KUBERNETES_SERVICE_HOST", SECRET, "KUBERNETES_PORT", SECRET), home,
                serviceAccountDir);

        assertThat(pod.findings()).extracting(BoundaryFinding::kind, BoundaryFinding::where, BoundaryFinding::refuses).containsExactly(
                tuple(BoundaryFinding.IN_CLUSTER_ENVIRONMENT, "environment variable KUBERNETES_SERVICE_HOST", false),
                tuple(BoundaryFinding.IN_CLUSTER_ENVIRONMENT, "environment variable KUBERNETES_PORT", false));
        assertThat(pod.findings().get(0).remedy()).contains("grant nothing without a token");
        assertThat(pod.isClear()).isTrue();
    }

    @Test
    void aPodWithAMountedTokenIsRefusedOnAnAgent() throws IOException {
        plant(serviceAccountDir, "token");

        CredentialBoundary agent = CredentialBoundary.of(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"), home, serviceAccountDir);

        assertThat(agent.isClear()).isFalse();
        assertThat(agent.findings()).filteredOn(BoundaryFinding::refuses).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(BoundaryFinding.SERVICE_ACCOUNT_TOKEN));
    }

    @Test
    void aControllersOwnTokenIsReportedUnlessEnforcedWhileWhatTheBuildNamesRefuses(@TempDir Path elsewhere) throws IOException {
        plant(serviceAccountDir, "token");
        plant(home, ".kube/config");
        String previous = System.getProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
        System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, serviceAccountDir.toString());
        try {
            CredentialBoundary reported = CredentialBoundary.ofController(Map.of("HOME", home.toString()), false);
            assertThat(reported.findings()).extracting(BoundaryFinding::kind).contains(BoundaryFinding.SERVICE_ACCOUNT_TOKEN,
                    BoundaryFinding.KUBECONFIG);
            assertThat(reported.findings()).noneMatch(BoundaryFinding::refuses);
            assertThat(reported.isClear()).isTrue();

            assertThat(CredentialBoundary.ofController(Map.of("HOME", home.toString()), true).isClear()).isFalse();

            Path kubeconfig = plant(elsewhere, "kubeconfig");
            CredentialBoundary buildNamesOne = CredentialBoundary.ofController(Map.of("KUBECONFIG", kubeconfig.toString()), false);
            assertThat(buildNamesOne.isClear()).isFalse();
            assertThat(buildNamesOne.findings()).filteredOn(BoundaryFinding::refuses).extracting(BoundaryFinding::where)
                    .containsExactly("KUBECONFIG entry " + absolute(kubeconfig) + " (file exists)");
        } finally {
            if (previous == null) {
                System.clearProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
            } else {
                System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, previous);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "AWS_ACCESS_KEY_ID, aws-credentials",
        "AWS_SECRET_ACCESS_KEY, aws-credentials",
        "AWS_SESSION_TOKEN, aws-credentials",
        "AWS_PROFILE, aws-credentials",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, aws-credentials",
        "GOOGLE_CREDENTIALS, gcp-credentials",
        "GOOGLE_OAUTH_ACCESS_TOKEN, gcp-credentials",
        "AZURE_CLIENT_SECRET, azure-credentials",
        "AZURE_PASSWORD, azure-credentials",
        "ARM_CLIENT_SECRET, azure-credentials",
        "ARM_OIDC_TOKEN, azure-credentials",
        "DIGITALOCEAN_ACCESS_TOKEN, digitalocean-credentials",
        "DIGITALOCEAN_TOKEN, digitalocean-credentials",
    })
    void aCloudCredentialInTheEnvironmentIsNamedNotShown(String variable, String kind) {
        List<BoundaryFinding> findings = findings(Map.of(variable, SECRET, "AWS_REGION", "eu-west-1"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.where()).isEqualTo("environment variable " + variable);
            assertThat(f.remedy()).contains("unset it in the agent's environment");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "AWS_WEB_IDENTITY_TOKEN_FILE, aws-credentials, eks.amazonaws.com/role-arn",
        "AWS_SHARED_CREDENTIALS_FILE, aws-credentials, unset it",
        "GOOGLE_APPLICATION_CREDENTIALS, gcp-credentials, unset it",
        "CLOUDSDK_AUTH_ACCESS_TOKEN_FILE, gcp-credentials, unset it",
        "AZURE_CLIENT_CERTIFICATE_PATH, azure-credentials, unset it",
        "AZURE_FEDERATED_TOKEN_FILE, azure-credentials, azure.workload.identity/use",
    })
    void aVariableNamingACredentialFileSaysWhetherItExistsNotWhere(String variable, String kind, String remedy,
            @TempDir Path elsewhere) throws IOException {
        Path file = plant(elsewhere, "credential-" + SECRET);

        assertThat(findings(Map.of(variable, file.toString()))).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.where()).isEqualTo("environment variable " + variable + " (names an existing file)");
            assertThat(f.remedy()).contains(remedy);
        });
        assertThat(findings(Map.of(variable, elsewhere.resolve("gone-" + SECRET).toString())))
                .extracting(BoundaryFinding::where)
                .containsExactly("environment variable " + variable + " (names no existing file)");
        assertThat(findings(Map.of(variable, SECRET + "\0"))).extracting(BoundaryFinding::where)
                .containsExactly("environment variable " + variable + " (not a valid path)");
    }

    @ParameterizedTest
    @CsvSource({
        ".aws/credentials, aws-credentials, remove it from the agent's home",
        ".config/gcloud/application_default_credentials.json, gcp-credentials, gcloud auth application-default revoke",
        ".config/gcloud/credentials.db, gcp-credentials, gcloud auth revoke --all",
        ".config/gcloud/access_tokens.db, gcp-credentials, gcloud auth revoke --all",
        ".azure/msal_token_cache.json, azure-credentials, az logout",
        ".azure/accessTokens.json, azure-credentials, az logout",
        ".azure/service_principal_entries.json, azure-credentials, az logout",
        ".config/doctl/config.yaml, digitalocean-credentials, doctl auth remove",
    })
    void aCloudCredentialFileInTheHomeFolder(String path, String kind, String remedy) throws IOException {
        Path file = plant(home, path);

        assertThat(findings(Map.of())).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.where()).isEqualTo("file " + absolute(file));
            assertThat(f.remedy()).contains(remedy).contains("separate agent label");
        });
    }

    @Test
    void credentialCachesCountWhenTheyHoldFiles() throws IOException {
        plant(home, ".aws/sso/cache/0123456789abcdef.json");
        plant(home, ".config/gcloud/legacy_credentials/ci@acme.iam.gserviceaccount.com/adc.json");

        assertThat(findings(Map.of())).extracting(BoundaryFinding::kind, BoundaryFinding::where).containsExactly(
                tuple(BoundaryFinding.AWS,
                        "folder " + absolute(home.resolve(".aws/sso/cache")) + " (holds files)"),
                tuple(BoundaryFinding.GOOGLE_CLOUD,
                        "folder " + absolute(home.resolve(".config/gcloud/legacy_credentials")) + " (holds files)"));
    }

    @Test
    void movedCloudFoldersAreCheckedToo(@TempDir Path gcloud, @TempDir Path azure) throws IOException {
        Path adc = plant(gcloud, "application_default_credentials.json");
        Path msal = plant(azure, "msal_token_cache.json");

        assertThat(findings(Map.of("CLOUDSDK_CONFIG", gcloud.toString(), "AZURE_CONFIG_DIR", azure.toString())))
                .extracting(BoundaryFinding::where).containsExactly("file " + absolute(adc), "file " + absolute(msal));
    }

    @Test
    void aJvmOptionThatMovesTheServiceAccountFolderIsReported() {
        List<BoundaryFinding> findings = findings(Map.of(
                "JAVA_TOOL_OPTIONS", "-Xmx1g -D" + CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY + "=/tmp/elsewhere",
                "JDK_JAVA_OPTIONS", "-D" + CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY));

        assertThat(findings).extracting(BoundaryFinding::kind, BoundaryFinding::where).containsExactly(
                tuple(BoundaryFinding.CHECK_REDIRECTED,
                        "environment variable JAVA_TOOL_OPTIONS sets gitops.promotion.serviceAccountDir"),
                tuple(BoundaryFinding.CHECK_REDIRECTED,
                        "environment variable JDK_JAVA_OPTIONS sets gitops.promotion.serviceAccountDir"));
    }

    @Test
    void everyKindAtOnceKubernetesFirst(@TempDir Path elsewhere) throws IOException {
        plant(home, ".kube/config");
        plant(serviceAccountDir, "token");
        plant(home, ".aws/credentials");
        Path kubeconfig = plant(elsewhere, "kubeconfig");

        List<BoundaryFinding> findings = findings(Map.of("KUBECONFIG", kubeconfig.toString(),
                "KUBERNETES_SERVICE_HOST", "10.96.0.1", "AZURE_CLIENT_SECRET", SECRET));

        assertThat(findings).extracting(BoundaryFinding::kind).containsExactly(BoundaryFinding.KUBECONFIG,
                BoundaryFinding.KUBECONFIG, BoundaryFinding.SERVICE_ACCOUNT_TOKEN, BoundaryFinding.IN_CLUSTER_ENVIRONMENT,
                BoundaryFinding.AZURE, BoundaryFinding.AWS);
    }

    @Test
    void jsonNamesKindWhereRemedyAndRefusesInThatOrder() {
        CredentialBoundary boundary = CredentialBoundary.of(Map.of("KUBERNETES_SERVICE_HOST", SECRET), home, serviceAccountDir);

        assertThat(boundary.isClear()).isTrue();
        assertThat(boundary.toJson()).startsWith("{\"findings\":[{\"kind\":\"in-cluster-environment\","
                + "\"where\":\"environment variable KUBERNETES_SERVICE_HOST\",\"remedy\":\"nothing to do")
                .endsWith("\",\"refuses\":false}]}")
                .doesNotContain(SECRET);
    }

    @Test
    void theServiceAccountFolderMovesOnlyByTheSystemProperty() throws IOException {
        assertThat(CredentialBoundary.serviceAccountDir(null)).isEqualTo(CredentialBoundary.DEFAULT_SERVICE_ACCOUNT_DIR);
        assertThat(CredentialBoundary.serviceAccountDir(" ")).isEqualTo(CredentialBoundary.DEFAULT_SERVICE_ACCOUNT_DIR);
        assertThat(CredentialBoundary.serviceAccountDir(serviceAccountDir.toString())).isEqualTo(serviceAccountDir);
        assertThat(CredentialBoundary.DEFAULT_SERVICE_ACCOUNT_DIR)
                .isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount"));

        plant(serviceAccountDir, "token");
        String before = System.getProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
        System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, serviceAccountDir.toString());
        try {
            assertThat(CredentialBoundary.of(Map.of("gitops.promotion.serviceAccountDir", "/nowhere"), home).findings())
                    .extracting(BoundaryFinding::kind).containsExactly(BoundaryFinding.SERVICE_ACCOUNT_TOKEN);
        } finally {
            if (before == null) {
                System.clearProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY);
            } else {
                System.setProperty(CredentialBoundary.SERVICE_ACCOUNT_DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void anUnknownUsersHomeIsNoFolder() {
        assertThat(CredentialBoundary.path("?")).isEmpty();
        assertThat(CredentialBoundary.path("")).isEmpty();
        assertThat(CredentialBoundary.path(null)).isEmpty();
        assertThat(CredentialBoundary.path("/home/ci")).contains(Path.of("/home/ci"));
    }

    @Test
    void theRunningProcessCanBeChecked() {
        CredentialBoundary boundary = CredentialBoundary.current();

        assertThat(boundary.isClear()).isEqualTo(boundary.findings().isEmpty());
        assertThat(boundary.toJson()).startsWith("{\"findings\":[");
    }

    @Test
    void aFindingNeedsEveryPart() {
        assertThatThrownBy(() -> new BoundaryFinding(" ", "file /x", "remove it"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a boundary finding needs a kind");
        assertThatThrownBy(() -> new BoundaryFinding("kubeconfig", null, "remove it"))
                .isInstanceOf(NullPointerException.class).hasMessage("where");
        assertThatThrownBy(() -> new BoundaryFinding("kubeconfig", "file /x", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a boundary finding needs a remedy");
    }
}
