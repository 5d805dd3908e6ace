package io.jenkins.plugins.gitopspromotion.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.jexl.Expression;
import org.apache.commons.jexl.ExpressionFactory;
import org.apache.commons.jexl.JexlContext;
import org.apache.commons.jexl.JexlHelper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Evaluates a Jelly view's {@code ${…}} expressions the way Jelly does, with commons-jexl 1.1 (Jelly's expression
 * language: a property resolves only through {@code getX()}, {@code isX()} or {@code get("x")}), following the
 * core tags that decide what runs ({@code j:forEach} over every item, {@code j:set}, {@code j:if},
 * {@code j:choose}). Localised text ({@code ${%…}}) is not an expression. Other tags are walked into; their
 * attributes are evaluated.
 */
final class JellyWalker {

    private static final String CORE = "jelly:core";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(?!%)([^}]*)}");
    private static final Pattern PROPERTY_CHAIN = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+");

    /** One evaluation: where, the expression, and what JEXL gave. */
    record Evaluation(String where, String expression, Object value) {
    }

    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** Every expression of a view file, in document order. */
    static List<String> expressions(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    /**
     * Walks {@code file} with these variables ({@code it} and what Jenkins' Stapler binds: {@code rootURL},
     * {@code h}, {@code request2}…).
     */
    void walk(Path file, Map<String, Object> variables) throws Exception {
        Document document;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(file)) {
            document = factory.newDocumentBuilder().parse(in);
        }
        JexlContext context = JexlHelper.createContext();
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = context.getVars();
        vars.putAll(variables);
        walk(file.getFileName().toString(), document.getDocumentElement(), context);
    }

    /** Everything evaluated so far. */
    List<Evaluation> evaluations() {
        return evaluations;
    }

    /**
     * What went wrong so far: an expression JEXL could not evaluate, one that gave null (a page would show nothing),
     * or a property chain whose value differs from what the Java getters give (the value the page means to show).
     */
    List<String> problems() {
        return problems;
    }

    private void walk(String where, Element element, JexlContext context) throws Exception {
        if (CORE.equals(element.getNamespaceURI())) {
            switch (element.getLocalName()) {
                case "forEach" -> {
                    Object items = attribute(where, element, "items", context);
                    Object previous = vars(context).get(element.getAttribute("var"));
                    if (items instanceof Collection<?> collection) {
                        for (Object item : collection) {
                            vars(context).put(element.getAttribute("var"), item);
                            children(where, element, context);
                        }
                    } else {
                        problems.add(where + ": j:forEach items=\"" + element.getAttribute("items") + "\" is not a collection: " + items);
                    }
                    vars(context).put(element.getAttribute("var"), previous);
                    return;
                }
                case "set" -> {
                    vars(context).put(element.getAttribute("var"), attribute(where, element, "value", context));
                    return;
                }
                case "if" -> {
                    if (Boolean.TRUE.equals(attribute(where, element, "test", context))) {
                        children(where, element, context);
                    }
                    return;
                }
                case "choose" -> {
                    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                        if (child instanceof Element option && CORE.equals(option.getNamespaceURI())) {
                            if ("otherwise".equals(option.getLocalName())
                                    || Boolean.TRUE.equals(attribute(where, option, "test", context))) {
                                children(where, option, context);
                                return;
                            }
                        }
                    }
                    return;
                }
                default -> {
                    // jelly, other core tags: attributes and children as any element
                }
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            text(where, attributes.item(i).getNodeValue(), context);
        }
        children(where, element, context);
    }

    private void children(String where, Element element, JexlContext context) throws Exception {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(where, e, context);
            } else if (child.getNodeType() == Node.TEXT_NODE) {
                text(where, child.getNodeValue(), context);
            }
        }
    }

    private Object attribute(String where, Element element, String name, JexlContext context) {
        Matcher m = EXPRESSION.matcher(element.getAttribute(name));
        return m.matches() ? evaluate(where, m.group(1).strip(), context) : element.getAttribute(name);
    }

    private void text(String where, String text, JexlContext context) {
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            evaluate(where, m.group(1).strip(), context);
        }
    }

    private Object evaluate(String where, String source, JexlContext context) {
        Object value;
        try {
            Expression expression = ExpressionFactory.createExpression(source);
            value = expression.evaluate(context);
        } catch (Exception e) {
            problems.add(where + ": ${" + source + "} failed: " + e);
            return null;
        }
        evaluations.add(new Evaluation(where, source, value));
        if (value == null) {
            problems.add(where + ": ${" + source + "} is null: the page would show nothing there");
        } else if (PROPERTY_CHAIN.matcher(source).matches()) {
            Object meant = javaBeanValue(source, context);
            if (!value.equals(meant)) {
                problems.add(where + ": ${" + source + "} gives " + value + ", the Java getters " + meant);
            }
        }
        return value;
    }

    /** A property chain read with Java getters, as the page's author means it. */
    private static Object javaBeanValue(String chain, JexlContext context) {
        String[] parts = chain.split("\\.");
        Object value = vars(context).get(parts[0]);
        for (int i = 1; i < parts.length && value != null; i++) {
            value = property(value, parts[i]);
        }
        return value;
    }

    private static Object property(Object bean, String name) {
        if (bean instanceof Map<?, ?> map) {
            return map.get(name);
        }
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                Method getter = bean.getClass().getMethod(prefix + suffix);
                return getter.invoke(bean);
            } catch (NoSuchMethodException e) {
                // the other prefix
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return "(no getter " + name + " on " + bean.getClass().getName() + ")";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vars(JexlContext context) {
        return context.getVars();
    }

    /** The variables every view gets, beside {@code it}: stand-ins with the members our views call. */
    static Map<String, Object> jenkinsVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("rootURL", "/jenkins");
        variables.put("h", new Functions());
        variables.put("request2", new Object());
        return variables;
    }

    /**
     * The members of Jenkins' {@code hudson.Functions} (bound as {@code h}) that the views call, with a value of the
     * kind Jenkins gives.
     */
    public static final class Functions {

        public String getCrumbRequestField() {
            return "Jenkins-Crumb";
        }

        public String getCrumb(Object request) {
            return "crumb-for-" + (request == null ? "nobody" : "this-request");
        }
    }
}
