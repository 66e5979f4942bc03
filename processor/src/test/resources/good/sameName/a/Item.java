package com.acme.names.a;

public record Item(String name) {}
