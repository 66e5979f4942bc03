package dev.stepwise.validation.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every supported type once, without constraints: for the schemas and the JSON entry point. */
public record AllTypes(
    String text,
    char letter,
    Character boxedLetter,
    boolean flag,
    Boolean boxedFlag,
    byte tiny,
    short small,
    int number,
    long big,
    Byte boxedTiny,
    Short boxedSmall,
    Integer boxedNumber,
    Long boxedBig,
    BigInteger huge,
    float ratio,
    double precise,
    Float boxedRatio,
    Double boxedPrecise,
    BigDecimal money,
    UUID id,
    Instant instant,
    OffsetDateTime offsetDateTime,
    ZonedDateTime zonedDateTime,
    LocalDateTime localDateTime,
    LocalDate localDate,
    LocalTime localTime,
    OffsetTime offsetTime,
    YearMonth yearMonth,
    Duration duration,
    Period period,
    Tier tier,
    int[] scores,
    String[] names,
    List<List<Integer>> matrix,
    Set<Tier> tiers,
    Map<String, List<String>> index,
    Optional<Address> maybe,
    Optional<String> note) {

  public static AllTypes sample() {
    return new AllTypes(
        "text",
        'x',
        'y',
        true,
        Boolean.FALSE,
        (byte) 1,
        (short) 2,
        3,
        4L,
        (byte) 5,
        (short) 6,
        7,
        8L,
        new BigInteger("123456789012345678901234567890"),
        1.5f,
        2.25,
        3.5f,
        4.75,
        new BigDecimal("12.34"),
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        Instant.parse("2024-05-31T09:30:00Z"),
        OffsetDateTime.parse("2024-05-31T09:30:00+02:00"),
        ZonedDateTime.parse("2024-05-31T09:30:00Z"),
        LocalDateTime.parse("2024-05-31T09:30:00"),
        LocalDate.parse("2024-05-31"),
        LocalTime.parse("09:30:00"),
        OffsetTime.parse("09:30:00+02:00"),
        YearMonth.parse("2024-05"),
        Duration.ofSeconds(30),
        Period.ofDays(2),
        Tier.SILVER,
        new int[] {1, 2},
        new String[] {"a", "b"},
        List.of(List.of(1, 2), List.of(3)),
        Set.of(Tier.GOLD),
        Map.of("k", List.of("v")),
        Optional.of(new Address("Main St 1", "12345")),
        Optional.empty());
  }
}
