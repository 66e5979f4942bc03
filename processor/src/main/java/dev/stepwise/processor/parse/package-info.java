/**
 * Reads one {@code @Workflow} class into the model, reporting errors on the class, its methods,
 * parameters and annotation values.
 */
package dev.stepwise.processor.parse;
