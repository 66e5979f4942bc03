package dev.stepwise.processor.shape;

import javax.lang.model.type.TypeMirror;

/**
 * One step along a {@code @From} path: a property read or a list index.
 *
 * @param accessor the member read: a method name (called with no arguments) or a field name; null
 *     for a list index
 * @param isField whether {@code accessor} is a field
 * @param index the list index, or -1
 * @param pathBefore the path up to the value this segment reads from ("" for the output itself)
 * @param type the type this segment yields
 */
public record PathSegment(
    String accessor, boolean isField, int index, String pathBefore, TypeMirror type) {}
