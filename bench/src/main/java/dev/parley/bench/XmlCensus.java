package dev.parley.bench;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What an XML document holds, read with the JDK's DOM parser (used only to check the benchmark's inputs and
 * outputs, outside the measured code): its elements by name, its attribute count, and its text with all white
 * space removed (entities and character references decoded).
 *
 * <p>{@code <Identity>} is counted as part of its {@code <Client>}: Parley reads a client identity written as
 * {@code <Identity>} or as text the same way, and writes it back as text.
 */
record XmlCensus(Map<String, Integer> elements, int attributes, String text) {

    static XmlCensus of(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
            Map<String, Integer> elements = new TreeMap<>();
            int[] attributes = {0};
            count(root, elements, attributes);
            return new XmlCensus(elements, attributes[0], root.getTextContent().replaceAll("\\s+", ""));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + xml, e);
        }
    }

    int elementCount() {
        return elements.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void count(Element element, Map<String, Integer> elements, int[] attributes) {
        if (!element.getTagName().equals("Identity")) {
            elements.merge(element.getTagName(), 1, Integer::sum);
        }
        attributes[0] += element.getAttributes().getLength();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) count(e, elements, attributes);
        }
    }

    @Override
    public String toString() {
        return elementCount() + " elements " + elements + ", " + attributes + " attributes, "
            + text.length() + " characters of text";
    }
}
