/**
 * How the types crossing a step boundary look: their shapes, Jakarta constraints and {@code @From}
 * paths into them.
 */
package dev.stepwise.processor.shape;
