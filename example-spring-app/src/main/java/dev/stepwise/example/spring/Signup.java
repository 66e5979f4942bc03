package dev.stepwise.example.spring;

/** A signup request: the input of {@link SignupWorkflow}. */
public record Signup(String email, String name) {}
