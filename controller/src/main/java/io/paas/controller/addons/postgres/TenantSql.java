package io.paas.controller.addons.postgres;

/**
 * The statements that make and remove a tenant: a role and a database of the same name. DDL takes no parameters, so
 * names are quoted here; passwords come as SCRAM verifiers only.
 */
final class TenantSql {
  static final String TERMINATE =
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 OR datname = $1";

  static final String FACTS = """
      SELECT pg_database_size(d.datname) AS bytes,
             pg_size_pretty(pg_database_size(d.datname)) AS size,
             (SELECT count(*) FROM pg_stat_activity a WHERE a.usename = r.rolname) AS connections,
             r.rolconnlimit AS connection_limit,
             current_setting('server_version') AS version
      FROM pg_roles r, pg_database d
      WHERE r.rolname = $1 AND d.datname = $1""";

  private TenantSql() {
  }

  static String createRole(String name, String scramVerifier, int connectionLimit) {
    return "CREATE ROLE " + identifier(name) + " LOGIN PASSWORD " + literal(scramVerifier)
        + " CONNECTION LIMIT " + connectionLimit;
  }

  static String createDatabase(String name) {
    return "CREATE DATABASE " + identifier(name) + " OWNER " + identifier(name);
  }

  /** Run on the maintenance database: no other role may connect to the tenant's. */
  static String closeDatabase(String name) {
    return "REVOKE ALL ON DATABASE " + identifier(name) + " FROM PUBLIC; "
        + "GRANT CONNECT ON DATABASE " + identifier(name) + " TO " + identifier(name);
  }

  /** Run in the tenant's database: the tenant owns schema public and only it may create there. */
  static String ownSchema(String name) {
    return "ALTER SCHEMA public OWNER TO " + identifier(name) + "; REVOKE CREATE ON SCHEMA public FROM PUBLIC";
  }

  // FORCE also ends sessions that connect between TERMINATE and the drop (PostgreSQL 13 and later).
  static String dropDatabase(String name) {
    return "DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)";
  }

  static String dropRole(String name) {
    return "DROP ROLE IF EXISTS " + identifier(name);
  }

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
