/**
 * The parsed workflow every later stage reads: steps, parameters, conditions and the step graph.
 */
package dev.stepwise.processor.model;
