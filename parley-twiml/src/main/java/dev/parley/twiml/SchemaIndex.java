package dev.parley.twiml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link TwimlSchema} indexed for the parser by the ids of the names its tokenizer knows: an attribute's
 * position in its element, and an element's nested elements, are array lookups rather than string hashing.
 * Built once from {@code <Response>} down; immutable.
 */
final class SchemaIndex {

    /** Every element and attribute name reachable from {@code <Response>}, and the unsupported elements. */
    final XmlTokenizer.Names names;
    final Element response;

    /** One element of the schema, indexed. */
    static final class Element {
        final ElementSpec spec;
        /** By position: the type of each attribute of {@code spec.attributes}. */
        final AttributeType[] types;
        /** By name id: the position of the attribute of that name in {@code spec.attributes}, or -1. */
        private final int[] positions;
        /** By name id: the element of that name this one may nest, or null. */
        private final Element[] children;

        private Element(ElementSpec spec, int names) {
            this.spec = spec;
            this.types = Arrays.stream(spec.attributes).map(AttributeSpec::type).toArray(AttributeType[]::new);
            this.positions = new int[names];
            this.children = new Element[names];
            Arrays.fill(positions, -1);
        }

        /** The position of the attribute whose name has this id (-1 for a name the index does not know), or -1. */
        int position(int nameId) {
            return nameId < 0 ? -1 : positions[nameId];
        }

        /** The nested element whose name has this id (-1 for a name the index does not know), or null. */
        Element child(int nameId) {
            return nameId < 0 ? null : children[nameId];
        }
    }

    SchemaIndex(ElementSpec root) {
        List<ElementSpec> specs = reachable(root);
        TreeSet<String> all = new TreeSet<>(TwimlSchema.NOT_SUPPORTED);
        for (ElementSpec spec : specs) {
            all.add(spec.name);
            for (AttributeSpec attribute : spec.attributes) all.add(attribute.name());
        }
        this.names = new XmlTokenizer.Names(all);
        Map<ElementSpec, Element> elements = new IdentityHashMap<>();
        for (ElementSpec spec : specs) elements.put(spec, new Element(spec, names.size()));
        for (ElementSpec spec : specs) {
            Element element = elements.get(spec);
            for (int i = 0; i < spec.attributes.length; i++) {
                element.positions[names.id(spec.attributes[i].name())] = i;
            }
            for (ElementSpec child : spec.children) element.children[names.id(child.name)] = elements.get(child);
        }
        this.response = elements.get(root);
    }

    private static List<ElementSpec> reachable(ElementSpec root) {
        List<ElementSpec> specs = new ArrayList<>();
        ArrayDeque<ElementSpec> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            ElementSpec spec = pending.pop();
            if (specs.stream().anyMatch(s -> s == spec)) continue;
            specs.add(spec);
            pending.addAll(spec.children);
        }
        return specs;
    }
}
