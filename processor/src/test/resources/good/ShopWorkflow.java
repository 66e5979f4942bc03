package com.acme.shop;

import com.acme.shop.ShopModel.Order;
import com.acme.shop.ShopModel.Receipt;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "shop")
public class ShopWorkflow {
  @Step
  Receipt checkout(@Input Order order) {
    return new Receipt(order.lines().size(), order);
  }
}
