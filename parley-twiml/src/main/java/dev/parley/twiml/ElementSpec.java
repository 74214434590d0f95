package dev.parley.twiml;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What one TwiML element may hold: its attributes (with types and defaults), the elements it may nest, and
 * whether it carries text. {@link TwimlSchema} declares every element; the parser, the writer and the
 * builders all read it, so each rule of the reference lives in exactly one place.
 */
final class ElementSpec {

    /** Whether, and how, the element carries text content. */
    enum Body {
        /** No text; only whitespace is allowed between children. */
        NONE,
        /** Text is allowed and may be empty. */
        OPTIONAL,
        /** Text is required (a URL, a number, an identity). */
        REQUIRED
    }

    /** Builds the model object of an element from its parsed parts. */
    @FunctionalInterface
    interface Factory {
        Object create(Attributes attributes, List<Object> children, String text);
    }

    final String name;
    final AttributeSpec[] attributes;
    /** The elements this one may nest. */
    final List<ElementSpec> children;
    final Body body;
    /** The code for a bad attribute on this element: 12200 (a warning) or 32501 on {@code <Conversation>}. */
    final TwimlError attributeError;
    final Set<String> requiredAttributes;
    /** The positions of the required attributes, in schema order. */
    final int[] requiredPositions;
    final Factory factory;
    /** The element without attributes: one shared instance, since attributes are immutable. */
    final Attributes none;
    /**
     * Attribute names by hash, open addressing, and each one's position: the parser looks up every attribute
     * it reads, and the names it looks up are the same String instances (see {@link XmlTokenizer.Names}).
     */
    private final String[] slots;
    private final int[] positions;

    ElementSpec(String name, List<AttributeSpec> attributes, List<ElementSpec> children, Body body,
                TwimlError attributeError, Set<String> requiredAttributes, Factory factory) {
        this.name = name;
        this.attributes = attributes.toArray(AttributeSpec[]::new);
        this.children = children;
        this.body = body;
        this.attributeError = attributeError;
        this.requiredAttributes = requiredAttributes;
        this.factory = factory;
        int size = Integer.highestOneBit(Math.max(1, this.attributes.length) * 4);
        this.slots = new String[size];
        this.positions = new int[size];
        for (int i = 0; i < this.attributes.length; i++) {
            String attribute = this.attributes[i].name();
            int slot = slot(attribute);
            while (slots[slot] != null) slot = (slot + 1) & (size - 1);
            slots[slot] = attribute;
            positions[slot] = i;
        }
        this.requiredPositions = IntStream.range(0, this.attributes.length)
            .filter(i -> requiredAttributes.contains(this.attributes[i].name())).toArray();
        this.none = Attributes.of(this, new Object[this.attributes.length]);
    }

    /** This element, nesting the given elements. */
    ElementSpec nests(ElementSpec... elements) {
        return new ElementSpec(name, List.of(attributes), List.of(elements), body, attributeError, requiredAttributes, factory);
    }


    /** This element, with another code for its bad attributes. */
    ElementSpec attributeError(TwimlError error) {
        return new ElementSpec(name, List.of(attributes), children, body, error, requiredAttributes, factory);
    }

    /** This element, requiring the named attributes. */
    ElementSpec requires(String... names) {
        return new ElementSpec(name, List.of(attributes), children, body, attributeError, Set.of(names), factory);
    }

    /** The position of an attribute, or -1 when the element has no attribute of that name. */
    int indexOf(String attribute) {
        for (int slot = slot(attribute); ; slot = (slot + 1) & (slots.length - 1)) {
            String s = slots[slot];
            if (s == null) return -1;
            if (s == attribute || s.equals(attribute)) return positions[slot];
        }
    }

    private int slot(String attribute) {
        int h = attribute.hashCode();
        return (h ^ (h >>> 7) ^ (h >>> 16)) & (slots.length - 1);
    }

    AttributeSpec attribute(String attribute) {
        int i = indexOf(attribute);
        if (i < 0) {
            throw new IllegalArgumentException("<" + name + "> has no attribute '" + attribute + "'");
        }
        return attributes[i];
    }
}
