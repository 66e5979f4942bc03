package dev.stepwise.runtime.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;

/**
 * Decoding of {@code double} and {@code float} from what callers send: Jackson turns a number
 * beyond their range, such as {@code 1e400}, into infinity (stored as {@code "Infinity"}), and a
 * non-zero number below their smallest magnitude, such as {@code 1e-400}, into zero; either would
 * store a value the caller never sent, so both are refused instead. Rounding to the nearest value
 * of the type is what a {@code double} or {@code float} means, and stays.
 *
 * <p>Only for JSON that callers send ({@link JsonInputs}); stored JSON is read as it was written.
 */
final class FloatingPointRange {
  private FloatingPointRange() {}

  /** The deserializers for {@code double}, {@code float}, their boxes and their arrays. */
  static Module module() {
    SimpleModule module = new SimpleModule("stepwise-floating-point-range");
    module.addDeserializer(Double.TYPE, new DoubleInRange(Double.TYPE, 0.0));
    module.addDeserializer(Double.class, new DoubleInRange(Double.class, null));
    module.addDeserializer(Float.TYPE, new FloatInRange(Float.TYPE, 0.0f));
    module.addDeserializer(Float.class, new FloatInRange(Float.class, null));
    module.addDeserializer(double[].class, new DoubleArray());
    module.addDeserializer(float[].class, new FloatArray());
    return module;
  }

  /** Refuses a value that is infinite, or zero where the number is not, if it came from one. */
  private static void check(double value, JsonParser p, Class<?> type, String typeName)
      throws IOException {
    if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
      return; // null, or text Jackson accepts such as "NaN": not a number that was rounded away
    }
    if (Double.isInfinite(value)) {
      throw InvalidFormatException.from(
          p, "Numeric value (" + p.getText() + ") out of range of " + typeName, p.getText(), type);
    }
    if (value == 0 && p.getDecimalValue().signum() != 0) {
      throw InvalidFormatException.from(
          p,
          "Numeric value ("
              + p.getText()
              + ") too close to zero for a "
              + typeName
              + ", which would hold 0",
          p.getText(),
          type);
    }
  }

  private static final class DoubleInRange extends NumberDeserializers.DoubleDeserializer {
    private static final long serialVersionUID = 1L;

    DoubleInRange(Class<Double> type, Double nullValue) {
      super(type, nullValue);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Double value = super.deserialize(p, ctxt);
      if (value != null) {
        check(value, p, Double.class, "double");
      }
      return value;
    }
  }

  private static final class FloatInRange extends NumberDeserializers.FloatDeserializer {
    private static final long serialVersionUID = 1L;

    FloatInRange(Class<Float> type, Float nullValue) {
      super(type, nullValue);
    }

    @Override
    public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Float value = super.deserialize(p, ctxt);
      if (value != null) {
        check(value, p, Float.class, "float");
      }
      return value;
    }
  }

  /** A {@code double[]}: each element as a {@code double}, its index in the path of an error. */
  private static final class DoubleArray extends StdDeserializer<double[]> {
    private static final long serialVersionUID = 1L;
    private static final JsonDeserializer<Double> ELEMENT = new DoubleInRange(Double.TYPE, 0.0);

    DoubleArray() {
      super(double[].class);
    }

    @Override
    public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
      }
      double[] values = new double[8];
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (n == values.length) {
          values = Arrays.copyOf(values, n * 2);
        }
        try {
          Double value = ELEMENT.deserialize(p, ctxt);
          values[n] = value == null ? 0.0 : value;
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, values, n);
        }
        n++;
      }
      return Arrays.copyOf(values, n);
    }
  }

  /** A {@code float[]}: each element as a {@code float}, its index in the path of an error. */
  private static final class FloatArray extends StdDeserializer<float[]> {
    private static final long serialVersionUID = 1L;
    private static final JsonDeserializer<Float> ELEMENT = new FloatInRange(Float.TYPE, 0.0f);

    FloatArray() {
      super(float[].class);
    }

    @Override
    public float[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return (float[]) ctxt.handleUnexpectedToken(float[].class, p);
      }
      float[] values = new float[8];
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (n == values.length) {
          values = Arrays.copyOf(values, n * 2);
        }
        try {
          Float value = ELEMENT.deserialize(p, ctxt);
          values[n] = value == null ? 0.0f : value;
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, values, n);
        }
        n++;
      }
      return Arrays.copyOf(values, n);
    }
  }
}
