package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CountingDataSourceTest {
  private CountingDataSource ds;

  @BeforeEach
  void table() throws SQLException {
    ds =
        CountingDataSource.create(
            "reads", "jdbc:h2:mem:reads;DB_CLOSE_DELAY=-1", "sa", "", 1, null);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, body VARCHAR(100))");
      s.execute("INSERT INTO t VALUES (1, 'abc'), (2, 'defgh'), (3, NULL)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE t");
    }
    ds.close();
  }

  private void readAll() throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT id, body FROM t ORDER BY id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        rs.getInt(1);
        rs.getString(2);
      }
    }
  }

  @Test
  void whileReadsAreCounted_rowsAndTheStringsCharactersAreCounted() throws SQLException {
    ds.countReads(true);
    readAll();
    ds.countReads(false);

    assertThat(ds.rowsRead()).isEqualTo(3);
    assertThat(ds.charsRead()).isEqualTo(3 + 5); // the null counts nothing
  }

  @Test
  void otherwiseNothingIsCounted_butStatementsStillAre() throws SQLException {
    long statements = ds.statements();

    readAll();

    assertThat(ds.rowsRead()).isZero();
    assertThat(ds.charsRead()).isZero();
    assertThat(ds.statements()).isEqualTo(statements + 1);
  }
}
