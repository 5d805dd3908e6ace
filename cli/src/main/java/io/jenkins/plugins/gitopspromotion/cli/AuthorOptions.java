package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Who the commits a command makes are by. */
final class AuthorOptions {

    private static final Pattern IDENT = Pattern.compile("\\s*(.+?)\\s*<([^<>\\s]+)>\\s*");

    @Option(names = "--author", paramLabel = "'NAME <EMAIL>'",
            description = "Who the commit is by (default: $GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>, or gitops-promotion).")
    String author;

    /** The {@code --author} given, else {@code $GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>}, else the default author. */
    PersonIdent ident(CommandSpec spec) {
        if (author != null) {
            Matcher m = IDENT.matcher(author);
            if (!m.matches()) {
                throw new ParameterException(spec.commandLine(), "--author must look like 'Name <email>'");
            }
            return new PersonIdent(m.group(1), m.group(2));
        }
        String name = System.getenv("GIT_AUTHOR_NAME");
        String email = System.getenv("GIT_AUTHOR_EMAIL");
        return name != null && email != null ? new PersonIdent(name, email) : PromotionRequest.DEFAULT_AUTHOR;
    }
}
