package dev.stepwise.runtime.spi.validation;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * Checks too long to inline in generated validators. {@link #isEmail} follows Hibernate Validator's
 * {@code AbstractEmailValidator} and {@code DomainNameUtil} (Apache License 2.0), so {@code @Email}
 * accepts and refuses exactly what Hibernate Validator does.
 */
public final class Checks {
  private static final String LOCAL_PART_ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]";
  private static final String LOCAL_PART_INSIDE_QUOTES_ATOM =
      "(?:[a-z0-9!#$%&'*.(),<>\\[\\]:;  @+/=?^_`{|}~\u0080-\uFFFF-]|\\\\\\\\|\\\\\\\")";
  private static final Pattern LOCAL_PART =
      Pattern.compile(
          "(?:"
              + LOCAL_PART_ATOM
              + "+|\""
              + LOCAL_PART_INSIDE_QUOTES_ATOM
              + "+\")"
              + "(?:\\."
              + "(?:"
              + LOCAL_PART_ATOM
              + "+|\""
              + LOCAL_PART_INSIDE_QUOTES_ATOM
              + "+\")"
              + ")*",
          Pattern.CASE_INSENSITIVE);

  private static final String DOMAIN_CHARS_WITHOUT_DASH = "[a-z\u0080-\uFFFF0-9!#$%&'*+/=?^_`{|}~]";
  private static final String DOMAIN_LABEL =
      "(?:" + DOMAIN_CHARS_WITHOUT_DASH + "-*)*" + DOMAIN_CHARS_WITHOUT_DASH + "+";
  private static final String DOMAIN = DOMAIN_LABEL + "+(?:\\." + DOMAIN_LABEL + "+)*";
  private static final String IP_DOMAIN = "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}";
  private static final String IP_V6_DOMAIN =
      "(?:(?:[0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,7}:"
          + "|(?:[0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}"
          + "|(?:[0-9a-fA-F]{1,4}:){1,5}(?::[0-9a-fA-F]{1,4}){1,2}"
          + "|(?:[0-9a-fA-F]{1,4}:){1,4}(?::[0-9a-fA-F]{1,4}){1,3}"
          + "|(?:[0-9a-fA-F]{1,4}:){1,3}(?::[0-9a-fA-F]{1,4}){1,4}"
          + "|(?:[0-9a-fA-F]{1,4}:){1,2}(?::[0-9a-fA-F]{1,4}){1,5}"
          + "|[0-9a-fA-F]{1,4}:(?:(?::[0-9a-fA-F]{1,4}){1,6})"
          + "|:(?:(?::[0-9a-fA-F]{1,4}){1,7}|:)"
          + "|fe80:(?::[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}"
          + "|::(?:ffff(:0{1,4}){0,1}:){0,1}(?:(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}"
          + "(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])"
          + "|(?:[0-9a-fA-F]{1,4}:){1,4}:(?:(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}"
          + "(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9]))";
  private static final Pattern EMAIL_DOMAIN =
      Pattern.compile(
          DOMAIN + "|\\[" + IP_DOMAIN + "\\]|" + "\\[IPv6:" + IP_V6_DOMAIN + "\\]",
          Pattern.CASE_INSENSITIVE);

  private static final int MAX_LOCAL_PART_LENGTH = 64;
  private static final int MAX_DOMAIN_PART_LENGTH = 255;

  private Checks() {}

  /** {@code @Email}: true for null and empty, as in Bean Validation. */
  public static boolean isEmail(CharSequence value) {
    if (value == null || value.length() == 0) {
      return true;
    }
    String text = value.toString();
    int at = text.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String local = text.substring(0, at);
    String domain = text.substring(at + 1);
    if (local.length() > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.matcher(local).matches()) {
      return false;
    }
    return isEmailDomain(domain);
  }

  private static boolean isEmailDomain(String domain) {
    if (domain.endsWith(".")) {
      return false;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return ascii.length() <= MAX_DOMAIN_PART_LENGTH && EMAIL_DOMAIN.matcher(domain).matches();
  }

  /** {@code @NotBlank}: null, empty, or only whitespace as {@link String#trim()} sees it. */
  public static boolean isBlank(CharSequence value) {
    return value == null || value.toString().trim().isEmpty();
  }
}
