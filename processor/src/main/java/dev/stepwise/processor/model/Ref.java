package dev.stepwise.processor.model;

import javax.lang.model.element.AnnotationValue;

/**
 * A name written in an annotation (a step or condition id) with the value it was written in, so an
 * error about the name can underline it. {@code value} is null when the name was not written.
 */
public record Ref(String name, AnnotationValue value) {}
