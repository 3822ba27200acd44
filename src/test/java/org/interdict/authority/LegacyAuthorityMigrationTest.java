package org.interdict.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V14 on a register recorded before the registry: the free-text authority of every directive is kept in
 * {@code authority_legacy}, no directive gets a reference, and from then on a directive has one or the other. Runs
 * the migrations with Flyway on a scratch database of its own, created and dropped here.
 */
class LegacyAuthorityMigrationTest {

    private static final String HOST = env("DB_HOST", "127.0.0.1");
    private static final String PORT = env("DB_PORT", "5432");
    private static final String USER = env("DB_USER", "postgres");
    private static final String PASSWORD = env("DB_PASSWORD", "");

    private final String database = env("DB_NAME", "interdict_test") + "_v14_"
            + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createDatabase() throws SQLException {
        administer("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        administer("drop database if exists " + database + " with (force)");
    }

    @Test
    void freeTextAuthoritiesBecomeLegacyText() throws SQLException {
        flyway("13").migrate();
        long ministry;
        long province;
        try (Connection c = connect(database)) {
            ministry = insertDirective(c, "Bộ Thông tin và Truyền thông");
            province = insertDirective(c, "Sở TT&TT Tây Ninh");
        }

        flyway("latest").migrate();

        try (Connection c = connect(database)) {
            assertThat(authority(c, ministry)).containsExactly(null, "Bộ Thông tin và Truyền thông");
            assertThat(authority(c, province)).containsExactly(null, "Sở TT&TT Tây Ninh");
            assertThat(count(c, "select count(*) from authority")).as("authorities: the seed is development only")
                    .isZero();
            // A directive names its authority, by reference or in legacy text: never neither.
            assertThatThrownBy(() -> update(c, "update directive set authority_legacy = null where id = " + province))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            update(c, "insert into authority (id, name_vi, name_en, level, created_at, updated_at)"
                    + " values ('mic', 'Bộ Thông tin và Truyền thông', 'Ministry of Information and Communications',"
                    + " 'NATIONAL', now(), now())");
            update(c, "update directive set authority_id = 'mic', authority_legacy = null where id = " + ministry);
            assertThat(authority(c, ministry)).containsExactly("mic", null);
        }
    }

    /** A directive as the register held it up to V13: the authority in free text. */
    private static long insertDirective(Connection c, String authority) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into directive (legal_reference, title, authority,"
                + " issued_on, kind, category, all_isps, effective_from, status, created_by, created_at, updated_at)"
                + " values (?, 'Chặn trang cờ bạc', ?, date '2019-03-01', 'BLOCK', 'gambling', true,"
                + " timestamptz '2019-03-02 00:00Z', 'ACTIVE', 'officer-legacy', now(), now()) returning id")) {
            s.setString(1, "12/QD-" + UUID.randomUUID().toString().substring(0, 8));
            s.setString(2, authority);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String[] authority(Connection c, long directive) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select authority_id, authority_legacy from directive where id = ?")) {
            s.setLong(1, directive);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(database), USER, PASSWORD).locations("classpath:db/migration")
                .target(target).load();
    }

    private static void administer(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
