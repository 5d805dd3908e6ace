package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScannerTest {

    private final SecretScanner scanner = new SecretScanner(YamlLimits.DEFAULT);

    private List<Finding> scan(String path, String content) {
        return scanner.scan(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The finding is where and what it should be, and shows the value only masked. */
    private static void assertFinding(Finding finding, String file, int line, FindingKind kind, String raw) {
        assertThat(finding.file()).isEqualTo(file);
        assertThat(finding.line()).isEqualTo(line);
        assertThat(finding.kind()).isEqualTo(kind);
        assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(finding.maskedValue()).isEqualTo(Masking.mask(raw)).doesNotContain(raw);
        assertThat(finding.message()).doesNotContain(raw);
        assertThat(finding.render()).doesNotContain(raw);
    }

    // ---- 1. Kubernetes Secrets in plain text

    @Test
    void aSecretWithDataInPlainTextBlocksOncePerEntry() {
        String username = FakeSecrets.base64Of("shop-app");
        String password = FakeSecrets.base64Of(FakeSecrets.humanPassword());
        String manifest = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db-credentials
                  namespace: shop
                  labels:
                    app.kubernetes.io/name: postgres
                type: Opaque
                data:
                  username: %s
                  password: %s
                stringData:
                  DATABASE_URL: postgres://shop-app@db:5432/shop
                """.formatted(username, password);
        List<Finding> findings = scan("apps/shop/prod/db-secret.yaml", manifest);
        assertThat(findings).hasSize(3);
        assertFinding(findings.get(0), "apps/shop/prod/db-secret.yaml", 10, FindingKind.PLAINTEXT_SECRET, username);
        assertFinding(findings.get(1), "apps/shop/prod/db-secret.yaml", 11, FindingKind.PLAINTEXT_SECRET, password);
        assertFinding(findings.get(2), "apps/shop/prod/db-secret.yaml", 13, FindingKind.PLAINTEXT_SECRET,
                "postgres://shop-app@db:5432/shop");
        assertThat(findings.get(1).message()).isEqualTo("Secret shop/db-credentials holds data.password in plain text;"
                + " seal it (SealedSecret), encrypt it (SOPS) or fetch it from a secret store (ExternalSecret)");
    }

    @Test
    void aSecretWithoutDataOrWithReferencesOnlyIsNotFlagged() {
        String manifest = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: build-robot-token
                  annotations:
                    kubernetes.io/service-account.name: build-robot
                type: kubernetes.io/service-account-token
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: empty
                data: {}
                stringData:
                  password: ""
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: substituted-by-flux
                stringData:
                  password: ${DB_PASSWORD}
                """;
        assertThat(scan("apps/shop/dev/secrets.yaml", manifest)).isEmpty();
    }

    @Test
    void aSecretInsideAListAndAKustomizeSecretGeneratorLiteralAreFlagged() {
        String password = FakeSecrets.humanPassword();
        String list = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Secret
                    metadata:
                      name: api-key
                    stringData:
                      key: %s
                """.formatted(password);
        List<Finding> inList = scan("list.yaml", list);
        assertThat(inList).hasSize(1);
        assertFinding(inList.get(0), "list.yaml", 9, FindingKind.PLAINTEXT_SECRET, password);

        String kustomization = """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../base
                secretGenerator:
                  - name: db
                    literals:
                      - username=shop
                      - password=%s
                """.formatted(password);
        List<Finding> generated = scan("apps/shop/dev/kustomization.yaml", kustomization);
        assertThat(generated).hasSize(2);
        assertFinding(generated.get(1), "apps/shop/dev/kustomization.yaml", 9, FindingKind.PLAINTEXT_SECRET, password);
        assertThat(generated.get(1).message()).contains("secretGenerator db holds the literal password in plain text");
    }

    @Test
    void aSealedSecretIsNotFlagged() {
        String manifest = """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: db-credentials
                  namespace: shop
                spec:
                  encryptedData:
                    password: %s
                    apiKey: %s
                  template:
                    metadata:
                      name: db-credentials
                      namespace: shop
                    type: Opaque
                """.formatted(FakeSecrets.base64(256, 31), FakeSecrets.base64(256, 32));
        assertThat(scan("apps/shop/prod/db-sealed.yaml", manifest)).isEmpty();
    }

    @Test
    void anExternalSecretIsNotFlagged() {
        String manifest = """
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata:
                  name: db-credentials
                spec:
                  refreshInterval: 1h
                  secretStoreRef:
                    name: vault-backend
                    kind: ClusterSecretStore
                  target:
                    name: db-credentials
                  data:
                    - secretKey: password
                      remoteRef:
                        key: secret/data/shop/db
                        property: password
                """;
        assertThat(scan("apps/shop/prod/db-external.yaml", manifest)).isEmpty();
    }

    @Test
    void aSopsEncryptedSecretAndValuesFileAreNotFlagged() {
        // The layout sops writes (getsops.io): values ENC[...], a top-level sops mapping with mac and version.
        String mac = "ENC[AES256_GCM,data:" + FakeSecrets.base64(48, 41) + ",iv:" + FakeSecrets.base64(32, 42)
                + ",tag:" + FakeSecrets.base64(16, 43) + ",type:str]";
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                    name: db-credentials
                    namespace: shop
                type: Opaque
                data:
                    password: ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]
                sops:
                    kms: []
                    age:
                        - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
                          enc: |
                            -----BEGIN AGE ENCRYPTED FILE-----
                            %s
                            -----END AGE ENCRYPTED FILE-----
                    lastmodified: "2024-03-01T10:00:00Z"
                    mac: %s
                    encrypted_regex: ^(data|stringData)$
                    version: 3.8.1
                """.formatted(FakeSecrets.base64(24, 44), FakeSecrets.base64(32, 45), FakeSecrets.base64(16, 46),
                FakeSecrets.base64(160, 47), mac);
        assertThat(scan("apps/shop/prod/db-secret.sops.yaml", secret)).isEmpty();

        String values = """
                myapp1: ENC[AES256_GCM,data:Tr7o=,iv:1=,aad:No=,tag:k=]
                app2:
                    db:
                        user: ENC[AES256_GCM,data:CwE4O1s=,iv:2k=,aad:o=,tag:w==]
                        password: ENC[AES256_GCM,data:p673w==,iv:YY=,aad:UQ=,tag:A=]
                    # private key for secret operations in app2
                    key: |-
                        ENC[AES256_GCM,data:Ea3kL5O5U8=,iv:DM=,aad:FKA=,tag:EA==]
                sops:
                    pgp:
                        - fp: 85D77543B3D624B63CEA9E6DBC17301B491B3F21
                          created_at: "2016-10-26T18:06:22Z"
                          enc: |
                            -----BEGIN PGP MESSAGE-----
                            %s
                            -----END PGP MESSAGE-----
                    lastmodified: "2016-10-26T18:06:22Z"
                    mac: %s
                    version: 2.0.9
                """.formatted(FakeSecrets.base64(200, 48), mac);
        assertThat(scan("charts/api/secrets.yaml", values)).isEmpty();
    }

    // ---- 2. Private keys

    @Test
    void aConfigMapWithAPemPrivateKeyBlocks() {
        String key = FakeSecrets.pemPrivateKey("", "    ");
        String manifest = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: tls-material
                data:
                  tls.crt: |
                    -----BEGIN CERTIFICATE-----
                    MIIBszCCAVmgAwIBAgIUQ
                    -----END CERTIFICATE-----
                  tls.key: |
                """ + key;
        List<Finding> findings = scan("apps/web/prod/tls.yaml", manifest);
        assertThat(findings).hasSize(1);
        assertFinding(findings.get(0), "apps/web/prod/tls.yaml", 11, FindingKind.PRIVATE_KEY, key.strip());
        assertThat(findings.get(0).maskedValue()).startsWith("----…");
    }

    @Test
    void everyKindOfPrivateKeyBlockIsFoundInAnyTextFile() {
        for (String type : new String[] {"RSA", "EC", "DSA", "OPENSSH", "ENCRYPTED"}) {
            String text = "# deploy key\n" + FakeSecrets.pemPrivateKey(type, "");
            List<Finding> findings = scan("keys/id_" + type.toLowerCase() + ".txt", text);
            assertThat(findings).as(type).hasSize(1);
            assertThat(findings.get(0).kind()).isEqualTo(FindingKind.PRIVATE_KEY);
            assertThat(findings.get(0).line()).isEqualTo(2);
        }
        String pgp = "-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\n\n" + FakeSecrets.base64(300, 51) + "\n-----END PGP PRIVATE KEY BLOCK-----\n";
        assertThat(scan("keys/signing.asc", pgp)).extracting(Finding::kind).containsExactly(FindingKind.PRIVATE_KEY);
        assertThat(scan("keys/public.pem", "-----BEGIN PUBLIC KEY-----\nMFkwEwYH\n-----END PUBLIC KEY-----\n")).isEmpty();
    }

    // ---- 3. Tokens

    @Test
    void anAwsKeyIdInAConfigMapBlocks() {
        String keyId = FakeSecrets.awsExampleKeyId();
        String manifest = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: uploader
                data:
                  AWS_REGION: eu-west-1
                  AWS_ACCESS_KEY_ID: %s
                """.formatted(keyId);
        List<Finding> findings = scan("apps/uploader/prod/config.yaml", manifest);
        assertThat(findings).hasSize(1);
        assertFinding(findings.get(0), "apps/uploader/prod/config.yaml", 7, FindingKind.TOKEN, keyId);
        assertThat(findings.get(0).message()).contains("AWS access key id");
    }

    @Test
    void tokensAreFoundInFilesThatAreNotYaml() {
        String npm = FakeSecrets.npmToken();
        String github = FakeSecrets.githubToken();
        List<Finding> findings = scan("tools/.npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken="
                + npm + "\n# GITHUB_TOKEN=" + github + "\n");
        assertThat(findings).hasSize(2);
        assertFinding(findings.get(0), "tools/.npmrc", 2, FindingKind.TOKEN, npm);
        assertFinding(findings.get(1), "tools/.npmrc", 3, FindingKind.TOKEN, github);
    }

    // ---- 4. High-entropy values under secret-like keys

    @Test
    void helmValuesWithReferencesAndPlaceholdersAreNotFlagged() {
        String values = """
                image:
                  repository: ghcr.io/acme/api
                  tag: 2.0.0
                postgresql:
                  auth:
                    username: shop
                    password: ${DB_PASSWORD}
                    existingSecret: ""
                redis:
                  password: "{{ .Values.global.redisPassword }}"
                smtp:
                  password: vault:secret/data/shop/smtp#password
                admin:
                  # documented default, to be overridden per environment
                  password: changeme
                serviceAccount:
                  token: /var/run/secrets/kubernetes.io/serviceaccount/token
                """;
        assertThat(scan("charts/api/values.yaml", values)).isEmpty();
    }

    @Test
    void aGeneratedValueUnderASecretLikeKeyBlocks() {
        String apiKey = FakeSecrets.generatedSecret(61);
        String password = FakeSecrets.humanPassword();
        String values = """
                payments:
                  endpoint: https://payments.example.com
                  apiKey: %s
                database:
                  password: '%s'
                """.formatted(apiKey, password);
        List<Finding> findings = scan("charts/payments/values-prod.yaml", values);
        assertThat(findings).hasSize(2);
        assertFinding(findings.get(0), "charts/payments/values-prod.yaml", 3, FindingKind.HIGH_ENTROPY_VALUE, apiKey);
        assertFinding(findings.get(1), "charts/payments/values-prod.yaml", 5, FindingKind.HIGH_ENTROPY_VALUE, password);
        assertThat(findings.get(0).message()).startsWith("payments.apiKey holds a value that looks like a generated secret");
    }

    @Test
    void containerEnvironmentNameValuePairsAreCheckedAndSecretKeyRefsAreNot() {
        String secret = FakeSecrets.generatedSecret(71);
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: ghcr.io/acme/web:1.4.2
                          env:
                            - name: LOG_LEVEL
                              value: info
                            - name: SESSION_SECRET
                              value: %s
                            - name: DB_PASSWORD
                              valueFrom:
                                secretKeyRef:
                                  name: db-credentials
                                  key: password
                """.formatted(secret);
        List<Finding> findings = scan("apps/web/base/deployment.yaml", deployment);
        assertThat(findings).hasSize(1);
        assertFinding(findings.get(0), "apps/web/base/deployment.yaml", 15, FindingKind.HIGH_ENTROPY_VALUE, secret);
        assertThat(findings.get(0).message()).startsWith("spec.template.spec.containers[0].env[1][SESSION_SECRET] holds");
    }

    @Test
    void aTokenUnderASecretLikeKeyIsReportedOnceAsAToken() {
        String token = FakeSecrets.githubToken();
        List<Finding> findings = scan("values.yaml", "github:\n  token: " + token + "\n");
        assertThat(findings).extracting(Finding::kind).containsExactly(FindingKind.TOKEN);
    }

    // ---- files that are not YAML, or not text

    @Test
    void aHelmTemplateIsNotYamlAndGetsANoteAndTheTextChecks() {
        String key = FakeSecrets.pemPrivateKey("RSA", "    ");
        String template = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: {{ include "api.fullname" . }}
                data:
                  {{- range $k, $v := .Values.secrets }}
                  {{ $k }}: {{ $v | b64enc }}
                  {{- end }}
                  tls.key: |
                """ + key;
        SecretScanner.FileScan scan = scanner.scanFile("charts/api/templates/secret.yaml",
                template.getBytes(StandardCharsets.UTF_8));
        assertThat(scan.findings()).extracting(Finding::kind).containsExactly(FindingKind.PRIVATE_KEY);
        assertThat(scan.notes()).singleElement().asString().startsWith("charts/api/templates/secret.yaml: only the text"
                + " checks (private keys, tokens) were run: not valid YAML: ").contains("template expression");
    }

    @Test
    void aBinaryFileIsSkipped() {
        byte[] binary = ("\u0000PNG" + FakeSecrets.awsExampleKeyId()).getBytes(StandardCharsets.UTF_8);
        SecretScanner.FileScan scan = scanner.scanFile("docs/diagram.png", binary);
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.notes()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsNotedNotRead() {
        SecretScanner small = new SecretScanner(new YamlLimits(64, 50, 128));
        SecretScanner.FileScan scan = small.scanFile("big.yaml", ("password: " + FakeSecrets.generatedSecret(81) + "\n")
                .repeat(4).getBytes(StandardCharsets.UTF_8));
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.notes()).singleElement().asString().contains("big.yaml: not scanned:").contains("over the limit of 64");
    }
}
