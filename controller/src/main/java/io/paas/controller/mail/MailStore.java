package io.paas.controller.mail;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Mail the SMTP server accepted, per app, and how much each smtp addon sent per UTC day. Only the newest
 * {@value #KEPT_PER_APP} messages of an app are kept: the store is for looking at what an app sends, not an archive.
 * Messages go with their app.
 */
public final class MailStore {
  public static final int KEPT_PER_APP = 1000;
  public static final String STORED = "stored";
  public static final String RELAYED = "relayed";

  private static final String TODAY = "(now() AT TIME ZONE 'UTC')::date";
  private static final String COUNT = "INSERT INTO mail_daily_counts (addon_name, day, sent) VALUES ($1, " + TODAY
      + ", 1) ON CONFLICT (addon_name, day) DO UPDATE SET sent = mail_daily_counts.sent + 1"
      + " WHERE mail_daily_counts.sent < $2 RETURNING sent";
  private static final String FORGET_OLD_COUNTS = "DELETE FROM mail_daily_counts WHERE addon_name = $1 AND day < "
      + TODAY;
  private static final String INSERT = "INSERT INTO mail_messages"
      + " (app_id, addon_name, mail_from, recipients, subject, size, raw, relay_status)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, '" + STORED + "') RETURNING id";
  private static final String PRUNE = "DELETE FROM mail_messages WHERE app_id = $1 AND id <= (SELECT id FROM"
      + " mail_messages WHERE app_id = $1 ORDER BY id DESC OFFSET " + KEPT_PER_APP + " LIMIT 1)";
  private static final String SUMMARY = "id, addon_name, mail_from, recipients, subject, size, received_at,"
      + " relay_status";

  private final Pool pool;

  public MailStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Counts the message against the account's daily limit and keeps it; empty, with nothing kept, when the limit is
   * reached. Counting and keeping are one transaction, so concurrent sessions cannot pass the limit together.
   */
  Future<Optional<Long>> add(MailAccount account, ReceivedMail mail) {
    return pool.withTransaction(conn -> conn.preparedQuery(COUNT)
        .execute(Tuple.of(account.addon(), account.dailyLimit()))
        .compose(counted -> counted.rowCount() == 0
            ? Future.succeededFuture(Optional.<Long>empty())
            : insert(conn, account, mail).map(Optional::of)));
  }

  private static Future<Long> insert(SqlConnection conn, MailAccount account, ReceivedMail mail) {
    Tuple row = Tuple.of(account.appId(), account.addon(), mail.from(), mail.recipients().toArray(String[]::new),
        mail.subject(), mail.raw().length, Buffer.buffer(mail.raw()));
    return conn.preparedQuery(INSERT).execute(row)
        .compose(inserted -> conn.preparedQuery(PRUNE).execute(Tuple.of(account.appId()))
            .compose(pruned -> conn.preparedQuery(FORGET_OLD_COUNTS).execute(Tuple.of(account.addon())))
            .map(forgotten -> inserted.iterator().next().getLong("id")));
  }

  /** Messages the addon had accepted since 00:00 UTC. */
  public Future<Integer> sentToday(String addon) {
    return pool.preparedQuery("SELECT sent FROM mail_daily_counts WHERE addon_name = $1 AND day = " + TODAY)
        .execute(Tuple.of(addon))
        .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger("sent"));
  }

  /** The app's newest messages first. */
  public Future<List<MailSummary>> ofApp(long appId, int limit) {
    return pool.preparedQuery("SELECT " + SUMMARY + " FROM mail_messages WHERE app_id = $1 ORDER BY id DESC LIMIT $2")
        .execute(Tuple.of(appId, limit)).map(MailStore::summaries);
  }

  /** The message as received, empty if the app has no such message. */
  public Future<Optional<byte[]>> raw(long appId, long id) {
    return pool.preparedQuery("SELECT raw FROM mail_messages WHERE app_id = $1 AND id = $2")
        .execute(Tuple.of(appId, id))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(rows.iterator().next().getBuffer("raw").getBytes()));
  }

  Future<Void> relayStatus(long id, String status) {
    return pool.preparedQuery("UPDATE mail_messages SET relay_status = $2 WHERE id = $1")
        .execute(Tuple.of(id, status)).mapEmpty();
  }

  /** Forgets an addon's messages and counts, when it is removed from its app. */
  public Future<Void> deleteAddon(String addon) {
    return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM mail_messages WHERE addon_name = $1")
        .execute(Tuple.of(addon))
        .compose(v -> conn.preparedQuery("DELETE FROM mail_daily_counts WHERE addon_name = $1").execute(Tuple.of(addon)))
        .mapEmpty());
  }

  private static List<MailSummary> summaries(RowSet<Row> rows) {
    List<MailSummary> summaries = new ArrayList<>();
    for (Row row : rows) {
      summaries.add(new MailSummary(row.getLong("id"), row.getString("addon_name"), row.getString("mail_from"),
          Arrays.asList(row.getArrayOfStrings("recipients")), row.getString("subject"), row.getInteger("size"),
          row.getOffsetDateTime("received_at"), row.getString("relay_status")));
    }
    return summaries;
  }
}
