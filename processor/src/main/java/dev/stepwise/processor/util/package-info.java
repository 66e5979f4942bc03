/**
 * Shared by every stage: the names of the DSL and runtime types, and reading annotations by them.
 */
package dev.stepwise.processor.util;
