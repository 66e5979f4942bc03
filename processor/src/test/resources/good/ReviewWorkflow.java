package com.acme;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Join;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * No input; an if/else merged by a join ANY; a generic output; a void step; a list path; a path
 * read from a step that can be skipped.
 */
@Workflow(name = "review", result = "merge")
class ReviewWorkflow {

  static final class Item {
    private final String sku;

    Item(String sku) {
      this.sku = sku;
    }

    public String getSku() {
      return sku;
    }
  }

  record Batch(List<Item> items) {}

  record Summary(String text) {}

  @Step
  List<String> fetch() {
    return List.of("a", "b");
  }

  @Step
  @After("fetch")
  Batch batch(@From("fetch") List<String> ids) {
    return new Batch(ids.stream().map(Item::new).toList());
  }

  @Step(when = "hasMany")
  @After("batch")
  String bulk(@From(value = "batch", path = "items[0].sku") String firstSku) {
    return "bulk from " + firstSku;
  }

  @Step(unless = "hasMany")
  @After("batch")
  String single(@From("fetch") List<String> ids) {
    return "single " + ids;
  }

  @Step
  @After(value = {"bulk", "single"}, join = Join.ANY)
  Summary merge(@From("bulk") Optional<String> bulk, @From("single") Optional<String> single) {
    return new Summary(bulk.orElseGet(single::orElseThrow));
  }

  @Step
  @After("merge")
  void publish(@From(value = "merge", path = "text") Optional<String> text) {
    text.ifPresent(t -> {});
  }

  @Condition
  static boolean hasMany(@From("batch") Batch batch) {
    return batch.items().size() > 1;
  }
}
