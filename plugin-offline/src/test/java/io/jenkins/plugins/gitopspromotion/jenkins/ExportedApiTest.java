package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Api;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The build's and the job's pages are exported for scripts ({@code …/gitops-promotion/api/json}) as Stapler exports
 * beans: every class reached from an {@code @Exported} property must itself be an {@code @ExportedBean} (Stapler
 * refuses others with "doesn't have @ExportedBean"), and each property a public getter without parameters. Checked
 * here by walking the types from the pages, so a new property is checked without being listed.
 */
class ExportedApiTest {

    @Test
    void everyTypeReachedFromThePagesIsAnExportedBeanWithGetters() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(BuildPromotionAction.class, JobPromotionsAction.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (!type.isAnnotationPresent(ExportedBean.class)) {
                problems.add(type.getName() + " is reached from an @Exported property but is no @ExportedBean");
                continue;
            }
            for (Method method : type.getMethods()) {
                if (!method.isAnnotationPresent(Exported.class)) {
                    continue;
                }
                if (method.getParameterCount() > 0 || !Modifier.isPublic(method.getModifiers())
                        || !method.getName().matches("(get|is)[A-Z].*")) {
                    problems.add(type.getSimpleName() + "." + method.getName() + " is exported but is no public getter");
                }
                reached(method.getGenericReturnType()).forEach(todo::add);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(seen).contains(BuildStandingView.Image.class, BuildStandingView.Environment.class, BuildStandingView.Approvals.class,
                JobMatrixView.Table.class, JobMatrixView.Cell.class, PromotionRecord.class);
        assertThat(BuildPromotionAction.class.getMethod("getApi").getReturnType()).isEqualTo(Api.class);
        assertThat(JobPromotionsAction.class.getMethod("getApi").getReturnType()).isEqualTo(Api.class);
    }

    /** The classes a property's value holds that Stapler exports as beans: none for values it writes as they are. */
    private static List<Class<?>> reached(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            List<Class<?>> reached = new ArrayList<>();
            for (Type argument : parameterized.getActualTypeArguments()) {
                reached.addAll(reached(argument));
            }
            return reached;
        }
        Class<?> raw = (Class<?>) type;
        boolean plain = raw.isPrimitive() || raw == String.class || Number.class.isAssignableFrom(raw) || raw == Boolean.class
                || Iterable.class.isAssignableFrom(raw) || java.util.Map.class.isAssignableFrom(raw);
        return plain ? List.of() : List.of(raw);
    }
}
