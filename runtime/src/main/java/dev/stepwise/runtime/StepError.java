package dev.stepwise.runtime;

/** The error a step failed with, as stored: exception type, message and stack trace. */
public record StepError(String type, String message, String stackTrace) {

  /** A one-line description, {@code type: message}. */
  public String summary() {
    return message == null ? type : type + ": " + message;
  }
}
