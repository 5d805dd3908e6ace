// Mirrors jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java at release
// tag 1502.v5c95e620ddfe: "public enum CredentialsScope implements Serializable" with SYSTEM (only Jenkins itself and
// nodes see these: never a build), GLOBAL and USER. The constants' bodies (display names, visibility) are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
