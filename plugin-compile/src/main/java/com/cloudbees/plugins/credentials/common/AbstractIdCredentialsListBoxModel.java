// Mirrors jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java at release tag
// 1502.v5c95e620ddfe: only the members the plugin uses: includeEmptyValue(), the two Spring Security includeMatchingAs
// overloads (an Item context, or a raw ItemGroup as upstream) and includeCurrentValue(String), all returning
// AbstractIdCredentialsListBoxModel<T, C> as upstream. The abstract describe(C) is left out, with
// StandardListBoxModel's implementation of it. The BOM's 1511.v2e3cb_0008ef0 is not in the snapshot, whose newest
// src/main/java equals this tag's.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {

    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        return null;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(@NonNull Authentication authentication,
            @Nullable Item context, @NonNull Class<? extends C> type, @NonNull List<DomainRequirement> domainRequirements,
            @NonNull CredentialsMatcher matcher) {
        return null;
    }

    @SuppressWarnings("rawtypes") // upstream's signature
    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(@NonNull Authentication authentication,
            @NonNull ItemGroup context, @NonNull Class<? extends C> type, @NonNull List<DomainRequirement> domainRequirements,
            @NonNull CredentialsMatcher matcher) {
        return null;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
        return null;
    }
}
