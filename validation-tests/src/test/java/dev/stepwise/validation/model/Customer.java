package dev.stepwise.validation.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every supported constraint, on every kind of supported type, once. */
public record Customer(
    @NotNull UUID id,
    @NotBlank @Size(min = 2, max = 40) String name,
    @NotEmpty(message = "a code is required") String code,
    @Email String email,
    @Pattern(regexp = "[A-Z]{2}", message = "{regexp} expected, like DE") String country,
    @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE) String nickname,
    @Past LocalDate birthday,
    @Future Instant renewal,
    @PastOrPresent OffsetDateTime since,
    @FutureOrPresent LocalDateTime until,
    @Min(18) @Max(130) Integer age,
    @Positive int points,
    @PositiveOrZero long credits,
    @Negative Short delta,
    @NegativeOrZero double debt,
    @DecimalMin("0.01") @DecimalMax(value = "1000", inclusive = false) BigDecimal limit,
    @Min(1) BigInteger serial,
    @AssertTrue boolean consent,
    @AssertFalse Boolean blocked,
    Tier tier,
    @Size(max = 3) List<@NotBlank String> tags,
    Set<@Pattern(regexp = "[a-z]+") String> labels,
    @NotEmpty Map<String, @Min(0) Integer> stock,
    @Valid List<Address> addresses,
    @Valid Address home,
    Address unchecked,
    Optional<@Email String> backupEmail,
    @Valid Node tree,
    @Valid Account account,
    @NotBlank(groups = Customer.Strict.class) String referral) {

  /** A validation group other than the default: its constraints are not checked. */
  public interface Strict {}

  /** A customer that breaks no constraint, to derive invalid ones from. */
  public static Customer valid() {
    return new Customer(
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        "Ann Lee",
        "C-1",
        "ann@example.com",
        "DE",
        "Annie",
        LocalDate.of(1990, 5, 31),
        Instant.parse("2999-01-01T00:00:00Z"),
        OffsetDateTime.parse("2020-01-01T10:00:00+02:00"),
        LocalDateTime.of(2999, 1, 1, 0, 0),
        42,
        10,
        0,
        (short) -1,
        0.0,
        new BigDecimal("99.95"),
        BigInteger.TEN,
        true,
        false,
        Tier.GOLD,
        List.of("vip"),
        Set.of("early"),
        Map.of("apple", 3),
        List.of(new Address("Main St 1", "12345")),
        new Address("Side St 2", "54321"),
        new Address("", "bad"),
        Optional.of("ann.backup@example.com"),
        new Node("root", List.of(new Node("leaf", List.of()))),
        new Account("ann", 1),
        null);
  }
}
