-- The application's own table, next to the engine's: a migration of its own.
CREATE TABLE invoices (number VARCHAR(20) NOT NULL, cents BIGINT NOT NULL);
