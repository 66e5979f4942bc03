package dev.stepwise.bench.validation;

import dev.stepwise.runtime.spi.validation.Violations;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generated validator against Hibernate Validator, on the same objects: a valid order with ten
 * lines, and the same order with three violations (one nested in a line).
 *
 * <p>Run: {@code mvn -B -q -pl bench -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp
 * %classpath org.openjdk.jmh.Main ValidatorBenchmark"}; figures in {@code docs/validation.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidatorBenchmark {
  private BenchOrder valid;
  private BenchOrder invalid;
  private ValidatorFactory factory;
  private Validator hibernate;

  @Setup(Level.Trial)
  public void setUp() {
    valid = order("Ann Lee", "ann@example.com", 1);
    invalid = order(" ", "not-an-email", 0);
    factory = Validation.buildDefaultValidatorFactory();
    hibernate = factory.getValidator();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    factory.close();
  }

  private static BenchOrder order(String customer, String email, int firstQuantity) {
    List<BenchOrder.Line> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(
          new BenchOrder.Line(
              "SKU-" + (1000 + i), i == 0 ? firstQuantity : 1 + i, new BigDecimal("9.99")));
    }
    return new BenchOrder(
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        customer,
        email,
        lines,
        Map.of("channel", "web", "coupon", "SPRING"));
  }

  @Benchmark
  public Object generatedValid() {
    Violations out = new Violations();
    BenchOrderValidator.INSTANCE.validate(valid, out);
    return out.list();
  }

  @Benchmark
  public Object hibernateValid() {
    return hibernate.validate(valid);
  }

  @Benchmark
  public Object generatedInvalid() {
    Violations out = new Violations();
    BenchOrderValidator.INSTANCE.validate(invalid, out);
    return out.list();
  }

  @Benchmark
  public Object hibernateInvalid() {
    return hibernate.validate(invalid);
  }
}
