package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code Optional<T>} parameter that makes a step suspendable. It is empty on the first
 * execution; after {@code StepContext.suspend(reason)} parked the run, the generated {@code
 * resumeStep(runId, T)} re-runs the step with the payload present.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.CLASS)
public @interface Resume {}
