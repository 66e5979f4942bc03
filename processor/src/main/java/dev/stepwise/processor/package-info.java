/**
 * The Stepwise annotation processor's shell: for each {@code @Workflow} class, {@code
 * WorkflowProcessor} runs parse, graph rules and write, one after another.
 */
package dev.stepwise.processor;
