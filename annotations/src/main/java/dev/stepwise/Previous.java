package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code Optional<T>} parameter of a loop step ({@code repeatUntil}/{@code repeatWhile}), where
 * {@code T} is the step's own output type: empty on the first iteration, the output of the
 * iteration before after that. It lets a loop carry state from one iteration to the next (an
 * agent's think, act, observe), and, since each finished iteration is stored, that state survives a
 * crash and a restart.
 *
 * <pre>{@code
 * @Step(repeatUntil = "answered", maxIterations = 12)
 * AgentState think(@Input Question q, @Previous Optional<AgentState> before) {
 *   AgentState state = before.orElseGet(() -> AgentState.start(q));
 *   return state.observe(tools.call(llm.nextAction(state)));
 * }
 *
 * @Condition boolean answered(@From("think") AgentState state) { return state.hasAnswer(); }
 * }</pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.CLASS)
public @interface Previous {}
