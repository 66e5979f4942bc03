/** Reporting: the catalogue of every message, error counting, and "did you mean" hints. */
package dev.stepwise.processor.diagnostics;
