package dev.stepwise.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Checks the bearer token of every request: read tokens may only GET, operator tokens may also
 * POST. Tokens travel in the {@code Authorization} header only, never in cookies, so a browser
 * cannot be tricked into sending them.
 */
final class TokenAuth {
  private static final String PREFIX = "Bearer ";

  private final HttpOptions options;

  TokenAuth(HttpOptions options) {
    this.options = options;
  }

  void check(Context ctx) {
    if (!options.requiresTokens()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith(PREFIX)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "a bearer token is required");
    }
    String token = header.substring(PREFIX.length()).trim();
    if (matches(options.operatorTokens(), token)) {
      return;
    }
    if (!matches(options.readTokens(), token)) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new ApiException(401, "the bearer token is not valid");
    }
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      throw new ApiException(403, "a read-only token may not " + ctx.method() + " " + ctx.path());
    }
  }

  /** Compares in constant time, so the time to refuse a guess tells nothing about the tokens. */
  private static boolean matches(Set<String> tokens, String candidate) {
    byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (String token : tokens) {
      found |= MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given);
    }
    return found;
  }
}
