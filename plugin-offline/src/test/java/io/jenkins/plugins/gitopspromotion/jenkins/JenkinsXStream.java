package io.jenkins.plugins.gitopspromotion.jenkins;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.reflection.ReflectionConverter;
import com.thoughtworks.xstream.core.JVM;
import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import com.thoughtworks.xstream.io.xml.PrettyPrintWriter;
import com.thoughtworks.xstream.io.xml.StandardStaxDriver;
import com.thoughtworks.xstream.security.AnyTypePermission;
import java.io.Writer;
import javax.xml.stream.XMLInputFactory;

/**
 * XStream 1.4.21 set up as Jenkins 2.555's {@code hudson.util.XStream2} sets it up where that decides what survives
 * a save and a load ({@code build.xml}, {@code config.xml}, a descriptor's file): the StAX driver writing XML 1.1, a
 * field-based reflection converter made with {@link JVM#newReflectionProvider()} as the catch-all (Jenkins'
 * RobustReflectionConverter, which only adds tolerance of unknown fields), transient fields skipped, every type
 * allowed (Jenkins guards classes with its own filter instead). No converter for records: neither XStream 1.4 nor
 * Jenkins has one.
 */
final class JenkinsXStream {

    private final XStream xstream;

    JenkinsXStream() {
        xstream = new XStream(new StandardStaxDriver() {
            @Override
            public HierarchicalStreamWriter createWriter(Writer out) {
                return new PrettyPrintWriter(out, PrettyPrintWriter.XML_1_1, getNameCoder());
            }

            @Override
            protected XMLInputFactory createInputFactory() {
                XMLInputFactory factory = XMLInputFactory.newInstance();
                factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
                factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                return factory;
            }
        });
        xstream.registerConverter(new ReflectionConverter(xstream.getMapper(), JVM.newReflectionProvider()),
                XStream.PRIORITY_VERY_LOW + 1);
        xstream.denyTypes(new Class<?>[] {void.class, Void.class});
        xstream.addPermission(AnyTypePermission.ANY);
    }

    /** What Jenkins writes to disk for {@code object}. */
    String write(Object object) {
        return xstream.toXML(object);
    }

    /** A new object read from {@code xml}, as Jenkins loads a build's actions or a job's builders. */
    Object read(String xml) {
        return xstream.fromXML(xml);
    }

    /** {@code xml} read into an existing object, as {@code Descriptor.load()} reads a global configuration. */
    Object readInto(String xml, Object root) {
        return xstream.fromXML(xml, root);
    }
}
