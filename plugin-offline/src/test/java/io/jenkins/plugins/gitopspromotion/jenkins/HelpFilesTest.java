package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;

/**
 * Every field of every form has its help where Jenkins looks for it (so the Snippet Generator and the Pipeline Steps
 * Reference show it): {@code help-FIELD.html} beside the describable's class or one of its superclasses, or, for a
 * freestyle build step, beside the Pipeline step whose form it shows; and each step has its {@code help.html}.
 */
class HelpFilesTest {

    private static final Path RESOURCES = Path.of("../plugin/src/main/resources");

    /** The folder of a class's views and help. */
    private static Path folder(Class<?> type) {
        return RESOURCES.resolve(type.getName().replace('.', '/'));
    }

    /** The class whose help a describable's form shows: the Pipeline step of a freestyle build step, else itself. */
    private static Class<?> helpOwner(Class<?> describable) throws Exception {
        for (Class<?> nested : describable.getDeclaredClasses()) {
            if (GitOpsBuilderDescriptor.class.isAssignableFrom(nested)) {
                return ((GitOpsBuilderDescriptor) nested.getConstructor().newInstance()).step();
            }
        }
        return describable;
    }

    /** The help file for {@code name} ({@code help-FIELD.html} or {@code help.html}), looked up as Jenkins does. */
    private static boolean hasHelp(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c.getName().startsWith("io.jenkins.plugins.gitopspromotion."); c = c.getSuperclass()) {
            if (Files.isRegularFile(folder(c).resolve(name))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyFieldOfEveryFormHasItsHelpWhereJenkinsLooks() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Class<?>> describables = PluginClasses.concrete().stream().filter(Describable.class::isAssignableFrom).toList();
        assertThat(describables).contains(PromoteStep.class, PromoteBuilder.class, ConfigRepository.class, EnvironmentRule.class);
        for (Class<?> describable : describables) {
            Class<?> owner = helpOwner(describable);
            for (String field : FormFields.names(describable)) {
                if (!hasHelp(owner, "help-" + field + ".html")) {
                    missing.add(describable.getSimpleName() + "." + field + " (looked for help-" + field + ".html from "
                            + owner.getSimpleName() + " up)");
                }
            }
            if ((Step.class.isAssignableFrom(owner) || owner != describable) && !hasHelp(owner, "help.html")) {
                missing.add(describable.getSimpleName() + " has no help.html");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theFormsNameNoHelpOfTheirOwnAndShowOnlyTheirFields() throws Exception {
        List<String> problems = new ArrayList<>();
        Pattern field = Pattern.compile("field=\"([A-Za-z]+)\"");
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path jelly : files.filter(p -> p.toString().endsWith(".jelly")).toList()) {
                String text = Files.readString(jelly);
                if (text.contains(" help=")) {
                    problems.add(jelly + " names a help file itself: the field's help-FIELD.html is found without");
                }
                if (!jelly.getFileName().toString().equals("config.jelly")) {
                    continue;
                }
                Class<?> owner = Class.forName(RESOURCES.relativize(jelly.getParent()).toString().replace('/', '.'));
                Matcher m = field.matcher(text);
                while (m.find()) {
                    if (!FormFields.names(owner).contains(m.group(1))) {
                        problems.add(jelly + " shows the field " + m.group(1) + ", which " + owner.getSimpleName() + " does not have");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void promotingFromAnEnvironmentIsNotExplainedAsJibsBaseImage() throws Exception {
        String promoteFrom = Files.readString(folder(PromoteStep.class).resolve("help-from.html"));
        String jibFrom = Files.readString(folder(BuildImageStep.class).resolve("help-from.html"));
        assertThat(promoteFrom).contains("environment").doesNotContain("Jib");
        assertThat(jibFrom).contains("Jib").contains("base image");
    }
}
