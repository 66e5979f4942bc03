/** The rules over a parsed workflow's whole graph, one class per rule, run by GraphValidator. */
package dev.stepwise.processor.graph;
