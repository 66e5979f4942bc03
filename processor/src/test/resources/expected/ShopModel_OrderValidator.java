package com.acme.shop;

import dev.stepwise.runtime.spi.validation.Checks;
import dev.stepwise.runtime.spi.validation.Validator;
import dev.stepwise.runtime.spi.validation.Violations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.processing.Generated;

/**
 * Checks {@link ShopModel.Order} against the Jakarta constraints declared on it, as plain code.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class ShopModel_OrderValidator implements Validator<ShopModel.Order> {
  /**
   * The only instance: a validator keeps no state.
   */
  public static final ShopModel_OrderValidator INSTANCE = new ShopModel_OrderValidator();

  private static final Pattern TAGS_ELEMENT_PATTERN = Pattern.compile("[a-z]+");

  private ShopModel_OrderValidator() {
  }

  @Override
  public void validate(ShopModel.Order value, Violations out) {
    UUID id = value.id();
    if (id == null) {
      out.add("id", "must not be null");
    }
    String customer = value.customer();
    if (Checks.isBlank(customer)) {
      out.add("customer", "must not be blank");
    }
    if (customer != null && customer.length() > 40) {
      out.add("customer", "size must be between 0 and 40");
    }
    String email = value.email();
    if (!Checks.isEmail(email)) {
      out.add("email", "must be a well-formed email address");
    }
    List<ShopModel.Line> lines = value.lines();
    if (lines == null || lines.isEmpty()) {
      out.add("lines", "must not be empty");
    }
    if (lines != null) {
      out.enter("lines");
      int i = 0;
      for (ShopModel.Line element : lines) {
        out.enterIndex(i++);
        if (element != null) {
          ShopModel_LineValidator.INSTANCE.validate(element, out);
        }
        out.leave();
      }
      out.leave();
    }
    Set<String> tags = value.tags();
    if (tags != null) {
      out.enter("tags");
      int i2 = 0;
      for (String element2 : tags) {
        out.enterIndex(i2++);
        if (element2 != null && !TAGS_ELEMENT_PATTERN.matcher(element2).matches()) {
          out.add("must match \"[a-z]+\"");
        }
        out.leave();
      }
      out.leave();
    }
    Map<String, Integer> stock = value.stock();
    if (stock != null) {
      out.enter("stock");
      for (Map.Entry<String, Integer> entry : stock.entrySet()) {
        out.enterKey(entry.getKey());
        Integer element3 = entry.getValue();
        if (element3 != null && element3 < 0L) {
          out.add("must be greater than or equal to 0");
        }
        out.leave();
      }
      out.leave();
    }
    LocalDate deliverBy = value.deliverBy();
    if (deliverBy != null && !deliverBy.isAfter(LocalDate.now())) {
      out.add("deliverBy", "must be a future date");
    }
    ShopModel.Category category = value.category();
    if (category != null) {
      out.enter("category");
      ShopModel_CategoryValidator.INSTANCE.validate(category, out);
      out.leave();
    }
    Optional<String> note = value.note();
    if (note != null && note.isPresent()) {
      String noteValue = note.get();
      if (noteValue != null && noteValue.length() < 2) {
        out.add("note", "size must be between 2 and 2147483647");
      }
    }
  }
}
