/**
 * Writes the generated code of a valid workflow with JavaPoet: definition, runner, result,
 * validators and JSON Schema documents.
 */
package dev.stepwise.processor.write;
