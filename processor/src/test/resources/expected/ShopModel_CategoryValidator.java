package com.acme.shop;

import dev.stepwise.runtime.spi.validation.Checks;
import dev.stepwise.runtime.spi.validation.Validator;
import dev.stepwise.runtime.spi.validation.Violations;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Checks {@link ShopModel.Category} against the Jakarta constraints declared on it, as plain code.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class ShopModel_CategoryValidator implements Validator<ShopModel.Category> {
  /**
   * The only instance: a validator keeps no state.
   */
  public static final ShopModel_CategoryValidator INSTANCE = new ShopModel_CategoryValidator();

  private ShopModel_CategoryValidator() {
  }

  @Override
  public void validate(ShopModel.Category value, Violations out) {
    String name = value.name();
    if (Checks.isBlank(name)) {
      out.add("name", "must not be blank");
    }
    List<ShopModel.Category> children = value.children();
    if (children != null) {
      out.enter("children");
      int i = 0;
      for (ShopModel.Category element : children) {
        out.enterIndex(i++);
        if (element != null) {
          ShopModel_CategoryValidator.INSTANCE.validate(element, out);
        }
        out.leave();
      }
      out.leave();
    }
  }
}
