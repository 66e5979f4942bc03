package dev.stepwise.runtime.spi.validation;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Validators of containers, for a boundary whose type is a {@code List}, {@code Set}, {@code Map}
 * or {@code Optional} of a validated type: each element is validated at its own path.
 */
public final class Validators {
  private static final Validator<Object> NONE = (value, out) -> {};

  private Validators() {}

  /** A validator that accepts everything: for types without constraints, like {@code String}. */
  @SuppressWarnings("unchecked") // accepts any value, so any T is fine
  public static <T> Validator<T> none() {
    return (Validator<T>) NONE;
  }

  /** Validates each non-null element at {@code [i]}. */
  public static <E> Validator<Collection<? extends E>> elements(Validator<? super E> element) {
    return (values, out) -> {
      int i = 0;
      for (E value : values) {
        if (value != null) {
          out.enterIndex(i);
          element.validate(value, out);
          out.leave();
        }
        i++;
      }
    };
  }

  /** Validates each non-null element of an array at {@code [i]}. */
  public static <E> Validator<E[]> arrayElements(Validator<? super E> element) {
    return (values, out) -> {
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          out.enterIndex(i);
          element.validate(values[i], out);
          out.leave();
        }
      }
    };
  }

  /** Validates each non-null map value at {@code .key}. */
  public static <V> Validator<Map<String, ? extends V>> values(Validator<? super V> value) {
    return (map, out) -> {
      for (Map.Entry<String, ? extends V> entry : map.entrySet()) {
        if (entry.getValue() != null) {
          out.enterKey(entry.getKey());
          value.validate(entry.getValue(), out);
          out.leave();
        }
      }
    };
  }

  /** Validates the present value at the same path. */
  public static <V> Validator<Optional<? extends V>> present(Validator<? super V> value) {
    return (optional, out) -> {
      if (optional.isPresent()) {
        value.validate(optional.get(), out);
      }
    };
  }
}
