package dev.stepwise.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.spi.validation.Validator;
import dev.stepwise.runtime.spi.validation.Violations;
import dev.stepwise.validation.model.Account;
import dev.stepwise.validation.model.AccountValidator;
import dev.stepwise.validation.model.CustomerValidator;
import dev.stepwise.validation.model.Node;
import dev.stepwise.validation.model.NodeValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated validators agree with Hibernate Validator, the reference implementation of Bean
 * Validation: on every object of the corpus both report the same violations, at the same paths,
 * with the same messages.
 */
class HibernateAgreementTest {
  private static ValidatorFactory factory;
  private static jakarta.validation.Validator hibernate;

  @BeforeAll
  static void open() {
    // Generated messages are Hibernate Validator's English defaults; it would localize its own.
    factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();
    hibernate = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static Stream<Corpus.Case> customers() {
    return Corpus.customers().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customers")
  void customer(Corpus.Case c) {
    Set<String> generated = generated(CustomerValidator.INSTANCE, c.customer());
    assertThat(generated).isEqualTo(hibernate(c.customer()));
    if (c.name().equals("valid")) {
      assertThat(generated).isEmpty();
    }
  }

  @Test
  void theCorpusIsMostlyInvalid_soTheAgreementMeansSomething() {
    long invalid =
        Corpus.customers().stream()
            .filter(c -> !generated(CustomerValidator.INSTANCE, c.customer()).isEmpty())
            .count();
    assertThat(invalid).isGreaterThan(35);
  }

  @Test
  void classWithGetters_fieldAndGetterConstraints() {
    for (Account a : List.of(new Account("ann", 1), new Account(" ", 0), new Account(null, 5))) {
      assertThat(generated(AccountValidator.INSTANCE, a)).isEqualTo(hibernate(a));
    }
  }

  @Test
  void recursiveType_deepViolations() {
    Node deep = new Node("a", List.of(new Node("b", List.of(new Node(" ", List.of())))));
    assertThat(generated(NodeValidator.INSTANCE, deep))
        .containsExactly("$.children[0].children[0].label: must not be blank")
        .isEqualTo(hibernate(deep));
  }

  static <T> Set<String> generated(Validator<T> validator, T value) {
    Violations out = new Violations();
    validator.validate(value, out);
    Set<String> found = new TreeSet<>();
    // A Set has no index in Bean Validation's path; ours numbers elements in iteration order.
    out.list()
        .forEach(
            v ->
                found.add(
                    v.path().replaceAll("\\.labels\\[\\d+]", ".labels[]") + ": " + v.message()));
    return found;
  }

  static Set<String> hibernate(Object value) {
    Set<String> found = new TreeSet<>();
    for (ConstraintViolation<Object> v : hibernate.validate(value)) {
      found.add(jsonPath(v.getPropertyPath()) + ": " + v.getMessage());
    }
    return found;
  }

  /** {@code addresses[0].street} as {@code $.addresses[0].street}; map keys as {@code .key}. */
  static String jsonPath(Path path) {
    StringBuilder out = new StringBuilder("$");
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          out.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          StringBuilder key = new StringBuilder();
          Violations.appendKey(key, String.valueOf(node.getKey()));
          out.append(key);
        } else {
          out.append("[]");
        }
      }
      if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
        out.append('.').append(node.getName());
      }
    }
    return out.toString();
  }
}
