package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

@WithJenkinsConfiguredWithCode
class ConfigurationTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void configurationAsCodeRoundTrip(JenkinsConfiguredWithCodeRule j) throws Exception {
        GitOpsPromotionConfiguration config = GitOpsPromotionConfiguration.get();
        assertThat(config.getBoundary()).isEqualTo("warn");
        assertThat(config.getCacheFolder()).isEqualTo("/var/cache/gitops-promotion");
        ConfigRepository repository = config.repository("platform-config").orElseThrow();
        assertThat(repository.getUrl()).isEqualTo("https://github.com/acme/platform-config.git");
        assertThat(repository.getCredentialsId()).isEqualTo("github-token");
        assertThat(repository.getProvider()).isEqualTo("github");
        assertThat(repository.getBaseBranch()).isEqualTo("main");
        assertThat(config.repository("gitlab-config").orElseThrow().getApiUrl()).isEqualTo("https://gitlab.example.com/api/v4");

        // The UI round trip keeps it all.
        j.configRoundtrip();
        assertThat(GitOpsPromotionConfiguration.get().getRepositories()).hasSize(2);
        assertThat(GitOpsPromotionConfiguration.get().getBoundary()).isEqualTo("warn");
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void credentialDropdownsShowOnlyTheCurrentValueWithoutPermission(JenkinsConfiguredWithCodeRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        ConfigRepository.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(ConfigRepository.DescriptorImpl.class);
        try (var ignored = hudson.security.ACL.as2(hudson.model.User.getById("reader", true).impersonate2())) {
            ListBoxModel model = descriptor.doFillCredentialsIdItems("github-token");
            assertThat(model).extracting(o -> o.value).containsExactly("github-token");
        }
        try (var ignored = hudson.security.ACL.as2(hudson.model.User.getById("admin", true).impersonate2())) {
            assertThat(descriptor.doFillProviderItems()).extracting(o -> o.value).contains("auto", "none", "github", "gitlab");
        }
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void theRepositoryCredentialsDropdownLeavesOutWhatBuildsCannotSee(JenkinsConfiguredWithCodeRule j) throws Exception {
        var store = com.cloudbees.plugins.credentials.CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        store.addCredentials(com.cloudbees.plugins.credentials.domains.Domain.global(),
                new com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl(
                        com.cloudbees.plugins.credentials.CredentialsScope.GLOBAL, "for-builds", "", "ci-bot", "t0ken-for-builds"));
        store.addCredentials(com.cloudbees.plugins.credentials.domains.Domain.global(),
                new com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl(
                        com.cloudbees.plugins.credentials.CredentialsScope.SYSTEM, "system-only", "", "ci-bot", "t0ken-system"));
        ConfigRepository.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(ConfigRepository.DescriptorImpl.class);

        assertThat(descriptor.doFillCredentialsIdItems(null)).extracting(o -> o.value).contains("for-builds").doesNotContain("system-only");
        assertThat(descriptor.doCheckCredentialsId("system-only").kind).isEqualTo(hudson.util.FormValidation.Kind.WARNING);
        assertThat(descriptor.doCheckCredentialsId("for-builds").kind).isEqualTo(hudson.util.FormValidation.Kind.OK);
    }
}
