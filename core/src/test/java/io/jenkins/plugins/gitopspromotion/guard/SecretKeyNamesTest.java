package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretKeyNamesTest {

    @Test
    void theLastPartOfTheKeyNamesTheSecretInAnySpelling() {
        for (String key : new String[] {"password", "dbPassword", "DB_PASSWORD", "db.password", "passwd", "secret",
            "clientSecret", "client-secret", "token", "authToken", "apiKey", "api_key", "apikey", "APIKey", "accessKey",
            "aws_secret_access_key", "privateKey", "private_key"}) {
            assertThat(SecretKeyNames.isSecret(key)).as(key).isTrue();
        }
    }

    @Test
    void keysThatOnlyNameWhereASecretIsAreNot() {
        for (String key : new String[] {"passwordSecretRef", "secretKeyRef", "secretName", "tokenUrl", "existingSecretKey",
            "key", "name", "passwordFile", "tokenTTL", "secretKey", ""}) {
            assertThat(SecretKeyNames.isSecret(key)).as(key).isFalse();
        }
    }

    @Test
    void referencesAreRecognised() {
        assertThat(SecretKeyNames.isReference("secretKeyRef")).isTrue();
        assertThat(SecretKeyNames.isReference("passwordSecretRef")).isTrue();
        assertThat(SecretKeyNames.isReference("valueFrom")).isTrue();
        assertThat(SecretKeyNames.isReference("secretRefs")).isTrue();
        assertThat(SecretKeyNames.isReference("password")).isFalse();
    }

    @Test
    void valueReferencesAreNoSecrets() {
        for (String value : new String[] {"${DB_PASSWORD}", "${DB_PASSWORD:-x}", "$(DB_PASSWORD)", "$DB_PASSWORD",
            "{{ .Values.db.password }}", "<path:secret/data/db#password>", "vault:secret/data/db#password",
            "ref+vault://secret/db#/password", "ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:k=,type:str]"}) {
            assertThat(ValueReferences.isReference(value)).as(value).isTrue();
        }
        assertThat(ValueReferences.isReference(FakeSecrets.humanPassword())).isFalse();
        assertThat(ValueReferences.isReference("pre${VAR}post" + FakeSecrets.generatedSecret(3))).isFalse();
    }
}
