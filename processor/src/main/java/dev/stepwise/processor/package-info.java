/** The Stepwise annotation processor: checks workflow graphs and generates runners. */
package dev.stepwise.processor;
