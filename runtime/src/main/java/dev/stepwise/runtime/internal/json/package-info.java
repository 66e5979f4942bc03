/**
 * JSON in and out: the codec of stored inputs, outputs and payloads, and the checks of JSON that
 * callers send ({@code startJson}, {@code resumeXJson}) against the generated schemas.
 */
package dev.stepwise.runtime.internal.json;
