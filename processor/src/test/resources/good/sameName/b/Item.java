package com.acme.names.b;

public record Item(String label) {}
