package com.acme.shop;

import dev.stepwise.runtime.spi.validation.Checks;
import dev.stepwise.runtime.spi.validation.Validator;
import dev.stepwise.runtime.spi.validation.Violations;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import javax.annotation.processing.Generated;

/**
 * Checks {@link ShopModel.Line} against the Jakarta constraints declared on it, as plain code.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class ShopModel_LineValidator implements Validator<ShopModel.Line> {
  /**
   * The only instance: a validator keeps no state.
   */
  public static final ShopModel_LineValidator INSTANCE = new ShopModel_LineValidator();

  private static final Pattern SKU_PATTERN = Pattern.compile("[A-Z]{3}-\\d+");

  private static final BigDecimal PRICE_DECIMAL_MIN = new BigDecimal("0.00");

  private ShopModel_LineValidator() {
  }

  @Override
  public void validate(ShopModel.Line value, Violations out) {
    String sku = value.sku();
    if (Checks.isBlank(sku)) {
      out.add("sku", "must not be blank");
    }
    if (sku != null && !SKU_PATTERN.matcher(sku).matches()) {
      out.add("sku", "must match \"[A-Z]{3}-\\d+\"");
    }
    int quantity = value.quantity();
    if (quantity < 1L) {
      out.add("quantity", "must be greater than or equal to 1");
    }
    if (quantity > 99L) {
      out.add("quantity", "must be less than or equal to 99");
    }
    BigDecimal price = value.price();
    if (price == null) {
      out.add("price", "must not be null");
    }
    if (price != null && price.compareTo(PRICE_DECIMAL_MIN) <= 0) {
      out.add("price", "must be greater than 0.00");
    }
  }
}
