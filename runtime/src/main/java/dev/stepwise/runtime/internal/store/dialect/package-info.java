/**
 * What differs per database, chosen once from the connection ({@code Dialect}): PostgreSQL's
 * one-statement claim and chain writes and its {@code LISTEN/NOTIFY}, and the portable (H2)
 * versions. No class outside this package asks which database it runs on.
 */
package dev.stepwise.runtime.internal.store.dialect;
