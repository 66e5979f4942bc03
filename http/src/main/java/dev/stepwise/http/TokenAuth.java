package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the bearer token of every API request: read tokens may only GET, operator tokens may also
 * POST. Tokens travel in the {@code Authorization} header only, never in cookies, so a browser
 * cannot be tricked into sending them. The dashboard's files are public: they hold no data, and the
 * page asks for a token before it reads any.
 */
final class TokenAuth {
  private static final String PREFIX = "Bearer ";

  /** What a request may do. */
  enum Role {
    READ,
    OPERATOR
  }

  private final HttpOptions options;

  TokenAuth(HttpOptions options) {
    this.options = options;
  }

  void check(Context ctx) {
    if (DashboardRoutes.isDashboardPath(ctx.path().substring(ctx.contextPath().length()))) {
      return;
    }
    if (role(ctx) == Role.READ
        && ctx.method() != HandlerType.GET
        && ctx.method() != HandlerType.HEAD) {
      throw new ApiException(403, "a read-only token may not " + ctx.method() + " " + ctx.path());
    }
  }

  /** {@code GET /api/access}: whether tokens are required and what the caller's token may do. */
  ObjectNode access(Context ctx) {
    return Json.object()
        .put("tokensRequired", options.requiresTokens())
        .put("role", role(ctx).name().toLowerCase(Locale.ROOT));
  }

  /** The caller's role; 401 if tokens are required and the request has no valid one. */
  private Role role(Context ctx) {
    if (!options.requiresTokens()) {
      return Role.OPERATOR; // loopback without tokens: whoever can connect is this machine's user
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith(PREFIX)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "a bearer token is required");
    }
    String token = header.substring(PREFIX.length()).trim();
    if (matches(options.operatorTokens(), token)) {
      return Role.OPERATOR;
    }
    if (matches(options.readTokens(), token)) {
      return Role.READ;
    }
    ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    throw new ApiException(401, "the bearer token is not valid");
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
