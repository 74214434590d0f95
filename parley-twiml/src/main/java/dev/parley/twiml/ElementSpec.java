package dev.parley.twiml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, Integer> index = new HashMap<>();

    ElementSpec(String name, List<AttributeSpec> attributes, List<ElementSpec> children, Body body,
                TwimlError attributeError, Set<String> requiredAttributes, Factory factory) {
        this.name = name;
        this.attributes = attributes.toArray(AttributeSpec[]::new);
        this.children = children;
        this.body = body;
        this.attributeError = attributeError;
        this.requiredAttributes = requiredAttributes;
        this.factory = factory;
        for (int i = 0; i < this.attributes.length; i++) {
            index.put(this.attributes[i].name(), i);
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
        Integer i = index.get(attribute);
        return i == null ? -1 : i;
    }

    AttributeSpec attribute(String attribute) {
        int i = indexOf(attribute);
        if (i < 0) {
            throw new IllegalArgumentException("<" + name + "> has no attribute '" + attribute + "'");
        }
        return attributes[i];
    }
}
