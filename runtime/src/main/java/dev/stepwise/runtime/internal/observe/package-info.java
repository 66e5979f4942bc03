/**
 * Seeing runs change, without writing anything: threads that await a run ({@code RunWaiters}) and
 * watch listeners ({@code Watchers}).
 */
package dev.stepwise.runtime.internal.observe;
