package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.User;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.view.ViewUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The Jenkins user behind one request to the promotion view: may change an environment if the repository's
 * {@link EnvironmentRule} for it admit the user or one of the user's groups (or it has none), and is recorded as
 * the commit's author and in its {@code Promoted-By} trailer. Holding GitOpsPromotion/Promote is checked before, by the
 * endpoint.
 */
final class JenkinsViewUser implements ViewUser {

    private final ConfigRepository repository;
    private final String id;
    private final String fullName;
    private final List<String> names;
    private String changed;

    private JenkinsViewUser(ConfigRepository repository, String id, String fullName, List<String> names) {
        this.repository = repository;
        this.id = id;
        this.fullName = fullName;
        this.names = List.copyOf(names);
    }

    /** The user of the current request. */
    static JenkinsViewUser current(ConfigRepository repository) {
        Authentication authentication = Jenkins.getAuthentication2();
        List<String> names = new ArrayList<>();
        names.add(authentication.getName());
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            names.add(authority.getAuthority());
        }
        User user = User.current();
        return new JenkinsViewUser(repository, authentication.getName(), user == null ? authentication.getName() : user.getFullName(),
                names);
    }

    @Override
    public void checkMayChange(String app, String environment) {
        changed = app + " in " + environment;
        Optional<EnvironmentRule> rule = repository.ruleOf(environment);
        if (rule.isPresent() && !rule.get().admits(names)) {
            throw new ChangeForbiddenException(Messages.JenkinsViewUser_Forbidden(id, environment, repository.getId()));
        }
    }

    @Override
    public PromotionRequest.Builder record(PromotionRequest.Builder request) {
        return request.author(new PersonIdent(fullName, id + "@users.noreply.invalid")).promotedBy(who());
    }

    /** The user's id. */
    String id() {
        return id;
    }

    /** The user's id and groups. */
    List<String> names() {
        return names;
    }

    /** {@code Jane Doe (jane)}, as the trailer and the audit log name the user. */
    String who() {
        return fullName.equals(id) ? id : fullName + " (" + id + ")";
    }

    /** What the user asked to change, {@code APP in ENV}, once checked; empty before. */
    Optional<String> changed() {
        return Optional.ofNullable(changed);
    }
}
