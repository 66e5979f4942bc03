package dev.stepwise.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Queue} type, with valid values: what a step's {@code QueueSpec} is generated from.
 *
 * @param type the type carrying {@code @Queue}
 * @param mirror its {@code @Queue}
 * @param name the queue's name
 * @param concurrency the most steps running at once over all nodes; 0 for no limit
 * @param perNode the most running at once on one node; 0 for no limit
 * @param perKey the most running at once per concurrency key value; 0 for no limit
 * @param rate the most starts per {@code ratePeriodMillis}; 0 for no limit
 * @param ratePeriodMillis the window of {@code rate}, positive
 */
public record QueueModel(
    TypeElement type,
    AnnotationMirror mirror,
    String name,
    int concurrency,
    int perNode,
    int perKey,
    int rate,
    long ratePeriodMillis) {

  public String qualifiedName() {
    return type.getQualifiedName().toString();
  }
}
