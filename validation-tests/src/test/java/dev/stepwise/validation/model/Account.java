package dev.stepwise.validation.model;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A class with getters: constraints on a field and on a getter. */
public class Account {
  @NotBlank private String owner;
  private int level;

  public Account() {}

  public Account(String owner, int level) {
    this.owner = owner;
    this.level = level;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  @Min(1)
  public int getLevel() {
    return level;
  }

  public void setLevel(int level) {
    this.level = level;
  }
}
