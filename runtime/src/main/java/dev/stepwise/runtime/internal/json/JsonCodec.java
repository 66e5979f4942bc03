package dev.stepwise.runtime.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.stepwise.runtime.StepwiseException;

/** Turns inputs, outputs and payloads into the JSON text stored in the database, and back. */
public final class JsonCodec {
  private final ObjectMapper mapper;

  public JsonCodec() {
    this.mapper =
        new ObjectMapper()
            .registerModule(new ParameterNamesModule())
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // ISO-8601 text (PT30S), as the generated schemas say; numbers are still read.
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // Stored outputs outlive the code that wrote them: a removed field must not
            // make an old run unreadable.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Jackson moves an OffsetDateTime or ZonedDateTime it reads to UTC: a step would get
            // 07:30Z for the 09:30+02:00 it was given, the same instant but another value.
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  /** The configured mapper, for reading JSON that callers send ({@link JsonInputs}). */
  ObjectMapper mapper() {
    return mapper;
  }

  /**
   * JSON text of what a caller sends (an input, a resume or event payload), or null for null. An
   * {@link InvalidTextException} naming each path if a string or key in it holds a lone UTF-16
   * surrogate: PostgreSQL would store it as {@code ?}, so it is refused before anything is stored.
   */
  public String write(Object value) {
    String json = text(value);
    if (json != null && Unicode.loneSurrogate(json) >= 0) {
      // Rare, so the paths are found only now, in the text just written.
      throw new InvalidTextException(Unicode.violations(tree(json)));
    }
    return json;
  }

  /**
   * JSON text of what a step returned, or null for null. The step has run, so its output is
   * recorded as it is: a lone surrogate is written as its JSON escape (which Jackson does not do),
   * so the stored text is valid Unicode on every database and reads back as the same string.
   */
  public String writeOutput(Object value) {
    String json = text(value);
    // A lone surrogate can only be inside a string literal of the text, where its escape means
    // the same character.
    return json == null ? null : Unicode.escapeLoneSurrogates(json);
  }

  private String text(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StepwiseException(
          "Cannot write a " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  private JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the codec wrote JSON it cannot read", e);
    }
  }

  /** The value, or null for null text. */
  public <T> T read(String json, Class<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StepwiseException(
          "Cannot read stored JSON as " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The value, or null for null text. */
  public <T> T read(String json, TypeReference<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StepwiseException(
          "Cannot read stored JSON as " + type.getType() + ": " + e.getOriginalMessage(), e);
    }
  }
}
