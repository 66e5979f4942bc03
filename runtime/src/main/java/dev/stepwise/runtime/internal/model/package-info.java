/**
 * The engine's shared vocabulary: the stored rows and the task a worker holds ({@code Rows}), how
 * an execution ended ({@code Outcome}), the derived id schemes ({@code Ids}), the settings and the
 * registered workflows. Depends on nothing else of the engine.
 */
package dev.stepwise.runtime.internal.model;
